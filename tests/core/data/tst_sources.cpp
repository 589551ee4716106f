// Every dataset source on tiny data written here, plus the real copies in TSTUDIO_SHARED.

#include <cstdint>
#include <vector>

#include <QTemporaryDir>
#include <QTest>

#include "core/data/cifar10_source.h"
#include "core/data/csv_source.h"
#include "core/data/dataset_opener.h"
#include "core/data/idx_source.h"
#include "core/data/image_folder_source.h"
#include "dataset_fixtures.h"
#include "tests/test_support.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

namespace {

fs::path tempPath(const QTemporaryDir& dir) {
    return fs::path(dir.path().toStdString());
}

std::vector<std::string> relativePaths(const Dataset& dataset, const fs::path& root) {
    std::vector<std::string> out;
    for (const Sample& sample : dataset.samples()) {
        out.push_back(sample.path.lexically_relative(root).generic_string());
    }
    return out;
}

std::string className(const Dataset& dataset, const Sample& sample) {
    return sample.label < 0 ? std::string("-")
                            : dataset.classes()[static_cast<std::size_t>(sample.label)];
}

} // namespace

class TestSources : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void imageFolderWithNestedFolders() {
        QTemporaryDir tmp;
        const fs::path root = tempPath(tmp);
        test::writeBytes(root / "dogs/b.jpg", test::jpegBytes(8, 8, 1));
        test::writeBytes(root / "dogs/puppies/a.png", test::pngBytes(8, 8, 2));
        test::writeBytes(root / "cats/x.PNG", test::pngBytes(8, 8, 3));
        test::writeText(root / "cats/notes.txt", "not an image");
        test::writeBytes(root / "cats/.hidden.jpg", test::jpegBytes(8, 8, 4));
        test::writeBytes(root / "cats/.thumbs/t.jpg", test::jpegBytes(8, 8, 5));
        test::writeBytes(root / "loose.jpg", test::jpegBytes(8, 8, 6));

        auto dataset = scanImageFolder(root);
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
        QCOMPARE(dataset->kind(), DatasetKind::ImageFolder);
        QCOMPARE(dataset->classes(), (std::vector<std::string>{"cats", "dogs"}));
        QCOMPARE(relativePaths(*dataset, root),
                 (std::vector<std::string>{"cats/x.PNG", "dogs/b.jpg", "dogs/puppies/a.png"}));
        QCOMPARE(className(*dataset, dataset->sample(2)), std::string("dogs"));
        QVERIFY(!dataset->hasSplit());
    }

    void preSplitImageFolder() {
        QTemporaryDir tmp;
        const fs::path root = tempPath(tmp);
        test::writeBytes(root / "train/bees/1.jpg", test::jpegBytes(8, 8, 1));
        test::writeBytes(root / "train/ants/2.jpg", test::jpegBytes(8, 8, 2));
        test::writeBytes(root / "train/ants/3.jpg", test::jpegBytes(8, 8, 3));
        test::writeBytes(root / "val/wasps/4.jpg", test::jpegBytes(8, 8, 4));
        test::writeBytes(root / "Test/ants/5.jpg", test::jpegBytes(8, 8, 5));

        auto dataset = scanImageFolder(root);
        QVERIFY(dataset.ok());
        // Sorted over all splits, whatever order each split lists them in.
        QCOMPARE(dataset->classes(), (std::vector<std::string>{"ants", "bees", "wasps"}));
        QCOMPARE(dataset->countPerClass(Split::Train), (std::vector<std::size_t>{2, 1, 0}));
        QCOMPARE(dataset->countPerClass(Split::Val), (std::vector<std::size_t>{0, 0, 1}));
        QCOMPARE(dataset->countPerClass(Split::Test), (std::vector<std::size_t>{1, 0, 0}));
        for (const Sample& sample : dataset->samples()) {
            QCOMPARE(className(*dataset, sample), sample.path.parent_path().filename().string());
        }
    }

    void unlabeledFolderAndOpenerFallback() {
        QTemporaryDir tmp;
        const fs::path root = tempPath(tmp);
        test::writeBytes(root / "a.jpg", test::jpegBytes(8, 8, 1));
        test::writeBytes(root / "b.png", test::pngBytes(8, 8, 2));
        auto pool = openDataset(root);
        QVERIFY(pool.ok());
        QCOMPARE(pool->kind(), DatasetKind::UnlabeledFolder);
        QCOMPARE(pool->size(), std::size_t{2});
        QCOMPARE(pool->unlabeledCount(), std::size_t{2});

        test::writeBytes(root / "sub/c.jpg", test::jpegBytes(8, 8, 3));
        auto forced = openDataset(root, {}, /*unlabeled=*/true);
        QVERIFY(forced.ok());
        QCOMPARE(forced->kind(), DatasetKind::UnlabeledFolder);
        QCOMPARE(relativePaths(*forced, root),
                 (std::vector<std::string>{"a.jpg", "b.png", "sub/c.jpg"}));
    }

    void missingFolderFails() {
        auto dataset = scanImageFolder("/nonexistent/tstudio/folder");
        QVERIFY(!dataset.ok());
        QVERIFY(dataset.message().find("no such folder") != std::string::npos);
        QVERIFY(!openDataset("/nonexistent/tstudio/folder").ok());
    }

    void scanReportsProgressUpToTheCount() {
        QTemporaryDir tmp;
        const fs::path root = tempPath(tmp);
        // Empty files: scanning never opens them, so 600 of them cost nothing to write.
        for (int c = 0; c < 3; ++c) {
            for (int i = 0; i < 200; ++i) {
                test::writeText(root / ("class" + std::to_string(c)) / (std::to_string(i) + ".jpg"),
                                "");
            }
        }
        std::vector<std::int64_t> reported;
        ScanControl control;
        control.progress = [&reported](std::int64_t found) {
            reported.push_back(found);
        };
        auto dataset = openDataset(root, control);
        QVERIFY(dataset.ok());
        QCOMPARE(dataset->size(), std::size_t{600});
        QCOMPARE(dataset->classes().size(), std::size_t{3});
        QVERIFY(!reported.empty());
        QCOMPARE(reported.back(), std::int64_t{600});
    }

    void cancelledScanFails() {
        QTemporaryDir tmp;
        const fs::path root = tempPath(tmp);
        test::writeBytes(root / "a/1.jpg", test::jpegBytes(8, 8, 1));
        std::atomic_bool stop{true};
        ScanControl control;
        control.cancel = &stop;
        auto dataset = scanImageFolder(root, control);
        QVERIFY(!dataset.ok());
        QCOMPARE(dataset.message(), std::string(kCancelledMessage));
    }

    void csv_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expectedSamples");
        QTest::addColumn<QString>("expectedClasses");
        QTest::newRow("header") << "path,label\nimg/a.jpg,cat\nimg/b.jpg,dog\n" << 2 << "cat|dog";
        QTest::newRow("no header") << "img/a.jpg,dog\nimg/b.jpg,cat\n" << 2 << "cat|dog";
        QTest::newRow("bom, crlf, blank line") << "\xEF\xBB\xBF"
                                                  "filename,class\r\n\r\nimg/a.jpg,cat\r\n"
                                               << 1 << "cat";
        QTest::newRow("quoted") << "\"img/a, b.jpg\",\"big \"\"cat\"\"\"\n" << 1 << "big \"cat\"";
        QTest::newRow("numeric labels") << "a.jpg,10\nb.jpg,2\nc.jpg,1\n" << 3 << "1|2|10";
        QTest::newRow("unlabeled and split") << "a.jpg,,\nb.jpg,x,val\n" << 2 << "x";
    }

    void csv() {
        QFETCH(QString, text);
        QFETCH(int, expectedSamples);
        QFETCH(QString, expectedClasses);
        QTemporaryDir tmp;
        const fs::path csvFile = tempPath(tmp) / "list.csv";
        test::writeText(csvFile, text.toStdString());
        auto dataset = readCsvDataset(csvFile);
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
        QCOMPARE(static_cast<int>(dataset->size()), expectedSamples);
        QStringList classes;
        for (const auto& name : dataset->classes()) {
            classes << QString::fromStdString(name);
        }
        QCOMPARE(classes.join(QLatin1Char('|')), expectedClasses);
        QVERIFY(dataset->sample(0).path.is_absolute());
        QCOMPARE(dataset->sample(0).path.parent_path().filename().string(),
                 dataset->sample(0).path.string().find("/img/") != std::string::npos
                     ? std::string("img")
                     : tempPath(tmp).filename().string());
    }

    void csvSplitColumnAndUnlabeled() {
        QTemporaryDir tmp;
        const fs::path csvFile = tempPath(tmp) / "list.csv";
        test::writeText(csvFile, "a.jpg,,\nb.jpg,x,val\n");
        auto dataset = readCsvDataset(csvFile);
        QVERIFY(dataset.ok());
        QCOMPARE(dataset->sample(0).label, kUnlabeled);
        QCOMPARE(dataset->sample(1).split, Split::Val);
    }

    void csvErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expectedInMessage");
        QTest::newRow("too many fields") << "a.jpg,x\nb.jpg,x,train,extra\n"
                                         << "line 2";
        QTest::newRow("unknown split") << "a.jpg,x,later\n"
                                       << "unknown split";
        QTest::newRow("open quote") << "\"a.jpg,x\n"
                                    << "never closed";
        QTest::newRow("empty path") << "a.jpg,x\n,y\n"
                                    << "line 2";
    }

    void csvErrors() {
        QFETCH(QString, text);
        QFETCH(QString, expectedInMessage);
        QTemporaryDir tmp;
        const fs::path csvFile = tempPath(tmp) / "list.csv";
        test::writeText(csvFile, text.toStdString());
        auto dataset = readCsvDataset(csvFile);
        QVERIFY(!dataset.ok());
        QVERIFY2(QString::fromStdString(dataset.message()).contains(expectedInMessage),
                 dataset.message().c_str());
    }

    void cifar10Binary() {
        QTemporaryDir tmp;
        const fs::path dir = tempPath(tmp) / "cifar-10-batches-bin";
        test::writeBytes(dir / "data_batch_1.bin", test::cifarBatch(12));
        test::writeBytes(dir / "test_batch.bin", test::cifarBatch(3));
        QVERIFY(looksLikeCifar10Binary(tempPath(tmp)));
        auto dataset = openDataset(tempPath(tmp));
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
        QCOMPARE(dataset->kind(), DatasetKind::Cifar10Binary);
        QCOMPARE(dataset->classes().size(), std::size_t{10});
        QCOMPARE(dataset->classes()[9], std::string("truck"));
        QCOMPARE(dataset->size(), std::size_t{15});
        QCOMPARE(dataset->countPerClass(Split::Train)[1], std::size_t{2}); // records 1 and 11
        QCOMPARE(dataset->countPerClass(Split::Test)[2], std::size_t{1});
        const Sample& s = dataset->sample(11);
        QCOMPARE(s.label, 1);
        QCOMPARE(s.record, std::int64_t{11});
        QVERIFY(s.inMemory());
        // Pixel 5 of record 11: R plane value (11 + 5), G (11 + 50 + 5), B (11 + 100 + 5).
        QCOMPARE(int(s.image->pixels[15]), 16);
        QCOMPARE(int(s.image->pixels[16]), 66);
        QCOMPARE(int(s.image->pixels[17]), 116);
    }

    void cifar10MetaNamesAndCutOffFile() {
        QTemporaryDir tmp;
        const fs::path dir = tempPath(tmp);
        test::writeBytes(dir / "data_batch_1.bin", test::cifarBatch(2));
        test::writeText(dir / "batches.meta.txt", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        auto dataset = readCifar10Binary(dir / "data_batch_1.bin");
        QVERIFY(dataset.ok());
        QCOMPARE(dataset->classes()[0], std::string("a"));

        auto bytes = test::cifarBatch(2);
        bytes.pop_back();
        test::writeBytes(dir / "data_batch_2.bin", bytes);
        auto cut = readCifar10Binary(dir);
        QVERIFY(!cut.ok());
        QVERIFY(cut.message().find("cut off") != std::string::npos);
    }

    void idx() {
        QTemporaryDir tmp;
        const fs::path dir = tempPath(tmp) / "mnist";
        test::writeBytes(dir / "t10k-images-idx3-ubyte", test::idxImages(4, 3, 2));
        test::writeBytes(dir / "t10k-labels-idx1-ubyte", test::idxLabels(4));
        test::writeBytes(dir / "train-images-idx3-ubyte", test::idxImages(11, 3, 2));
        test::writeBytes(dir / "train-labels-idx1-ubyte", test::idxLabels(11));
        auto dataset = openDataset(dir);
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
        QCOMPARE(dataset->kind(), DatasetKind::Idx);
        QCOMPARE(dataset->classes()[3], std::string("3"));
        QCOMPARE(dataset->size(), std::size_t{15});
        QCOMPARE(dataset->sample(0).split, Split::Train);
        QCOMPARE(dataset->countPerClass(Split::Test),
                 (std::vector<std::size_t>{1, 1, 1, 1, 0, 0, 0, 0, 0, 0}));
        const Sample& s = dataset->sample(11 + 2); // test image 2
        QCOMPARE(s.image->width, 2);
        QCOMPARE(s.image->height, 3);
        // Pixel 4 of image 2 is gray (2 + 4), in all three channels.
        QCOMPARE(int(s.image->pixels[12]), 6);
        QCOMPARE(int(s.image->pixels[13]), 6);
        QCOMPARE(int(s.image->pixels[14]), 6);
    }

    void idxFashionNamesAndErrors() {
        QTemporaryDir tmp;
        const fs::path dir = tempPath(tmp) / "fashion-mnist";
        test::writeBytes(dir / "t10k-images-idx3-ubyte", test::idxImages(2, 2, 2));
        test::writeBytes(dir / "t10k-labels-idx1-ubyte", test::idxLabels(2));
        auto dataset = readIdxDataset(dir / "t10k-images-idx3-ubyte");
        QVERIFY(dataset.ok());
        QCOMPARE(dataset->classes()[9], std::string("Ankle boot"));

        test::writeBytes(dir / "t10k-labels-idx1-ubyte", test::idxLabels(3));
        auto mismatch = readIdxDataset(dir);
        QVERIFY(!mismatch.ok());
        QVERIFY(mismatch.message().find("do not belong together") != std::string::npos);

        auto images = test::idxImages(2, 2, 2);
        images.resize(images.size() - 1);
        test::writeBytes(dir / "t10k-images-idx3-ubyte", images);
        QVERIFY(readIdxDataset(dir).message().find("cut off") != std::string::npos);
        images[3] = 0x01;
        test::writeBytes(dir / "t10k-images-idx3-ubyte", images);
        QVERIFY(readIdxDataset(dir).message().find("magic") != std::string::npos);
    }

    void sharedHymenoptera() {
        TSTUDIO_REQUIRE_SHARED();
        const fs::path root = fs::path(test::sharedDir().toStdString()) / "datasets/hymenoptera";
        auto dataset = openDataset(root);
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
        QCOMPARE(dataset->classes(), (std::vector<std::string>{"ants", "bees"}));
        QCOMPARE(dataset->countPerClass(Split::Train), (std::vector<std::size_t>{124, 121}));
        QCOMPARE(dataset->countPerClass(Split::Val), (std::vector<std::size_t>{70, 83}));
    }

    void sharedCifar10Folders() {
        TSTUDIO_REQUIRE_SHARED();
        const fs::path root = fs::path(test::sharedDir().toStdString()) / "datasets/cifar10";
        auto dataset = openDataset(root);
        QVERIFY(dataset.ok());
        QCOMPARE(dataset->classes().size(), std::size_t{10});
        QCOMPARE(dataset->classes()[0], std::string("airplane"));
        QCOMPARE(dataset->countPerClass(Split::Train), std::vector<std::size_t>(10, 1000));
        QCOMPARE(dataset->countPerClass(Split::Test), std::vector<std::size_t>(10, 1000));
    }

    void sharedMnist() {
        TSTUDIO_REQUIRE_SHARED();
        const fs::path root = fs::path(test::sharedDir().toStdString()) / "datasets/mnist";
        auto dataset = openDataset(root);
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
        QCOMPARE(dataset->size(), std::size_t{10000});
        const std::vector<int> first{7, 2, 1, 0, 4, 1, 4, 9, 5, 9};
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(dataset->sample(i).label, first[i]);
        }
        QCOMPARE(dataset->countPerClass(Split::Test),
                 (std::vector<std::size_t>{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}));
    }
};

QTEST_GUILESS_MAIN(TestSources)
#include "tst_sources.moc"
