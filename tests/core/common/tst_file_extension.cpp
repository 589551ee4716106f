// The one lowercase-extension helper that image, project and CSV detection share.

#include <QTest>

#include <string>

#include "core/common/file_extension.h"

class TestFileExtension : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void extensions_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("extension");
        QTest::newRow("lower") << QStringLiteral("a/b.jpg") << QStringLiteral(".jpg");
        QTest::newRow("upper") << QStringLiteral("IMG_0001.JPG") << QStringLiteral(".jpg");
        QTest::newRow("mixed") << QStringLiteral("/x/Labels.Csv") << QStringLiteral(".csv");
        QTest::newRow("project") << QStringLiteral("My.Project.TSPROJ")
                                 << QStringLiteral(".tsproj");
        QTest::newRow("last dot only") << QStringLiteral("archive.TAR.GZ") << QStringLiteral(".gz");
        QTest::newRow("none") << QStringLiteral("folder/README") << QString();
        QTest::newRow("dot file") << QStringLiteral(".bashrc") << QString();
        QTest::newRow("dotted folder") << QStringLiteral("v1.2/photo") << QString();
        QTest::newRow("non-ascii name")
            << QStringLiteral("Bienen/Ärger.PNG") << QStringLiteral(".png");
        QTest::newRow("non-ascii extension")
            << QStringLiteral("x.ÄB") << QStringLiteral(".Äb"); // only ASCII letters change
    }
    void extensions() {
        QFETCH(QString, path);
        QFETCH(QString, extension);
        const std::string ext =
            tstudio::lowercaseExtension(std::filesystem::path(path.toStdString()));
        QCOMPARE(QString::fromStdString(ext), extension);
    }
};

QTEST_GUILESS_MAIN(TestFileExtension)
#include "tst_file_extension.moc"
