// The embedded demo dataset: classes, counts per split, same seed same files, decodable images.

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset_inspector.h"
#include "core/data/dataset_opener.h"
#include "core/data/demo_dataset.h"
#include "core/imaging/image_decoder.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

namespace {

QByteArray fileHash(const fs::path& path) {
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestDemoDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensAsASplitImageFolder() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "demo";
        DemoDatasetOptions options;
        options.trainPerClass = 5;
        options.valPerClass = 2;
        const auto written = generateDemoDataset(dir, options);
        QVERIFY2(written.ok(), written.ok() ? "" : written.message().c_str());
        QCOMPARE(written.value(), dir);

        const auto dataset = openDataset(dir);
        QVERIFY(dataset.ok());
        QCOMPARE(dataset->kind(), DatasetKind::ImageFolder);
        QCOMPARE(dataset->classes(), demoDatasetClasses());
        QCOMPARE(dataset->classes().size(), std::size_t{4});
        for (std::size_t count : dataset->countPerClass(Split::Train)) {
            QCOMPARE(count, std::size_t{5});
        }
        for (std::size_t count : dataset->countPerClass(Split::Val)) {
            QCOMPARE(count, std::size_t{2});
        }
        for (const Sample& sample : dataset->samples()) {
            const auto image = imaging::decodeImage(sample.path);
            QVERIFY2(image.ok(), sample.path.c_str());
            QCOMPARE(image->width, options.imageSize);
            QCOMPARE(image->height, options.imageSize);
        }
        // A newcomer's first look at the Data page: nothing to warn about at the usual 224 px.
        const auto report = inspectDataset(*dataset);
        QVERIFY(report.ok());
        QVERIFY2(report->problems.empty(),
                 report->problems.empty() ? "" : report->problems.front().message.c_str());
    }

    void sameSeedSameFilesOtherSeedOtherFiles() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        DemoDatasetOptions options;
        options.trainPerClass = 3;
        options.valPerClass = 1;
        options.seed = 7;
        QVERIFY(generateDemoDataset(root / "a", options).ok());
        QVERIFY(generateDemoDataset(root / "b", options).ok());
        options.seed = 8;
        QVERIFY(generateDemoDataset(root / "c", options).ok());
        const fs::path file = fs::path("train") / "star" / "star_002.jpg";
        QVERIFY(!fileHash(root / "a" / file).isEmpty());
        QCOMPARE(fileHash(root / "a" / file), fileHash(root / "b" / file));
        QVERIFY(fileHash(root / "a" / file) != fileHash(root / "c" / file));
    }

    void replacesAnOlderDemoWhole() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "demo";
        DemoDatasetOptions options;
        options.trainPerClass = 4;
        options.valPerClass = 1;
        QVERIFY(generateDemoDataset(dir, options).ok());
        options.trainPerClass = 2;
        QVERIFY(generateDemoDataset(dir, options).ok());
        QVERIFY(!fs::exists(dir / "train" / "circle" / "circle_003.jpg"));
        QVERIFY(fs::exists(dir / "train" / "circle" / "circle_001.jpg"));
        // No staging or old folder is left beside it.
        int entries = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.parent_path())) {
            ++entries;
        }
        QCOMPARE(entries, 1);
    }

    void failsClearlyWhenTheFolderCannotBeWritten() {
        QTemporaryDir tmp;
        const fs::path blocker = fs::path(tmp.path().toStdString()) / "file";
        QFile file(QString::fromStdString(blocker.string()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto written = generateDemoDataset(blocker / "demo");
        QVERIFY(!written.ok());
        QVERIFY2(written.message().find(blocker.string()) != std::string::npos,
                 written.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestDemoDataset)
#include "tst_demo_dataset.moc"
