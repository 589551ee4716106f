#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

#include "core/common/atomic_file.h"

class TestAtomicFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesWholeFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path path = dir.filePath(QStringLiteral("out.bin")).toStdString();
        QVERIFY(tstudio::writeFileAtomically(path, "first").ok());
        QVERIFY(tstudio::writeFileAtomically(path, "second version").ok());
        std::ifstream in(path, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        QCOMPARE(QString::fromStdString(content.str()), QStringLiteral("second version"));
    }

    void reportsUnwritablePath() {
        const auto status = tstudio::writeFileAtomically("/nonexistent-dir/x/out.bin", "data");
        QVERIFY(!status.ok());
        QVERIFY(status.message().find("/nonexistent-dir/x/out.bin") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
