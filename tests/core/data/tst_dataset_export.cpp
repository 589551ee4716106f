// Exporting a labelled dataset: the class-folder tree (split folders, excluded and unlabeled
// left out, clashing names kept apart, hard links, in-memory records as PNG, cancel and refusal
// leave nothing) and the CSV list that readCsvDataset reads back.

#include <atomic>

#include <QTemporaryDir>
#include <QTest>

#include "core/data/csv_source.h"
#include "core/data/dataset_export.h"
#include "core/data/dataset_opener.h"
#include "dataset_fixtures.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

namespace {

/** a/x.png, b/x.png (same name, other folders), c.png, d.png, e.png labelled ant, ant, bee, -,
    bee (excluded); split train, val, train, -, train. */
Dataset labelled(const fs::path& root) {
    test::writeBytes(root / "a" / "x.png", test::pngBytes(8, 8, 1));
    test::writeBytes(root / "b" / "x.png", test::pngBytes(8, 8, 2));
    test::writeBytes(root / "c.png", test::pngBytes(8, 8, 3));
    test::writeBytes(root / "d, \"quoted\".png", test::pngBytes(8, 8, 4));
    test::writeBytes(root / "e.png", test::pngBytes(8, 8, 5));
    Dataset dataset(DatasetKind::Custom, root);
    dataset.addClass("ant");
    dataset.addClass("bee");
    const auto add = [&](const fs::path& path, int label, Split split, bool excluded) {
        Sample sample;
        sample.path = root / path;
        sample.label = label;
        sample.split = split;
        sample.excluded = excluded;
        dataset.addSample(sample);
    };
    add("a/x.png", 0, Split::Train, false);
    add("b/x.png", 0, Split::Val, false);
    add("c.png", 1, Split::None, false);
    add("d, \"quoted\".png", 1, Split::Test, false);
    add("e.png", 1, Split::Train, true);
    return dataset;
}

std::size_t filesUnder(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        n += entry.is_regular_file() ? 1 : 0;
    }
    return n;
}

} // namespace

class TestDatasetExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void folderTreeBySplitAndClass() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const Dataset dataset = labelled(root / "src");
        std::vector<std::int64_t> progress;
        const auto summary = exportImageFolder(dataset, {root / "out", false},
                                               [&](std::int64_t done, std::int64_t total) {
                                                   QCOMPARE(total, std::int64_t{4});
                                                   progress.push_back(done);
                                               });
        QVERIFY2(summary, summary ? "" : summary.message().c_str());
        QCOMPARE(summary->images, std::int64_t{4});
        QCOMPARE(summary->renamed, std::int64_t{0}); // the two x.png are in different splits
        QCOMPARE(progress, (std::vector<std::int64_t>{1, 2, 3, 4}));
        QVERIFY(fs::exists(root / "out/train/ant/x.png"));
        QVERIFY(fs::exists(root / "out/val/ant/x.png"));
        QVERIFY(fs::exists(root / "out/train/bee/c.png")); // no split: train
        QVERIFY(fs::exists(root / "out/test/bee/d, \"quoted\".png"));
        QCOMPARE(filesUnder(root / "out"), std::size_t{4}); // e.png is excluded
        // What we wrote opens as the same labelled dataset.
        auto reopened = openDataset(root / "out");
        QVERIFY(reopened);
        QCOMPARE(reopened->countPerClass(Split::Train), (std::vector<std::size_t>{1, 1}));
        QCOMPARE(reopened->countPerClass(Split::Val), (std::vector<std::size_t>{1, 0}));
    }

    void clashingNamesAndHardLinks() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        Dataset dataset = labelled(root / "src");
        for (std::size_t i = 0; i < dataset.size(); ++i) {
            dataset.setSplit(i, Split::None); // no split: both x.png go to ant/
        }
        const auto summary = exportImageFolder(dataset, {root / "out", true});
        QVERIFY2(summary, summary ? "" : summary.message().c_str());
        QCOMPARE(summary->renamed, std::int64_t{1});
        QCOMPARE(summary->linked, std::int64_t{4}); // same file system: all linked
        QVERIFY(fs::exists(root / "out/ant/x.png"));
        QVERIFY(fs::exists(root / "out/ant/x-2.png"));
        QCOMPARE(fs::hard_link_count(root / "src/c.png"), std::uintmax_t{2});
    }

    void inMemoryRecordsBecomePngFiles() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        test::writeBytes(root / "cifar" / "data_batch_1.bin", test::cifarBatch(12));
        auto cifar = openDataset(root / "cifar");
        QVERIFY2(cifar, cifar ? "" : cifar.message().c_str());
        const auto summary = exportImageFolder(*cifar, {root / "out", true});
        QVERIFY2(summary, summary ? "" : summary.message().c_str());
        QCOMPARE(summary->images, std::int64_t{12});
        QCOMPARE(summary->linked, std::int64_t{0});
        auto reopened = openDataset(root / "out");
        QVERIFY(reopened);
        QCOMPARE(reopened->size(), std::size_t{12});
        QVERIFY(!exportCsv(*cifar, root / "cifar.csv")); // no files to list: says so
    }

    void refusesANonEmptyTargetAndCancelLeavesNothing() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const Dataset dataset = labelled(root / "src");
        test::writeText(root / "busy" / "keep.txt", "mine");
        const auto refused = exportImageFolder(dataset, {root / "busy", false});
        QVERIFY(!refused);
        QVERIFY(refused.message().find("not empty") != std::string::npos);
        QCOMPARE(filesUnder(root / "busy"), std::size_t{1});

        std::atomic_bool cancel{false};
        const auto cancelled = exportImageFolder(
            dataset, {root / "out", false},
            [&](std::int64_t done, std::int64_t) { cancel = done >= 2; }, &cancel);
        QVERIFY(!cancelled);
        QVERIFY(cancelled.message().find("cancelled") != std::string::npos);
        QCOMPARE(filesUnder(root / "out"), std::size_t{0});
    }

    void csvRoundTrip() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const Dataset dataset = labelled(root / "src");
        const fs::path csv = root / "lists" / "labels.csv";
        fs::create_directories(csv.parent_path());
        QVERIFY(exportCsv(dataset, csv));
        auto read = readCsvDataset(csv);
        QVERIFY2(read, read ? "" : read.message().c_str());
        QCOMPARE(read->classes(), (std::vector<std::string>{"ant", "bee"}));
        QCOMPARE(read->size(), std::size_t{4});
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(fs::weakly_canonical(read->sample(i).path),
                     fs::weakly_canonical(dataset.sample(i).path));
            QCOMPARE(read->sample(i).label, dataset.sample(i).label);
            QCOMPARE(read->sample(i).split, dataset.sample(i).split);
        }
        QVERIFY(exportCsv(dataset, csv, /*includeUnlabeled=*/false));
        Dataset withUnlabeled = dataset;
        withUnlabeled.relabel(2, kUnlabeled);
        QVERIFY(exportCsv(withUnlabeled, csv, true));
        QCOMPARE(readCsvDataset(csv)->unlabeledCount(), std::size_t{1});
    }
};

QTEST_GUILESS_MAIN(TestDatasetExport)
#include "tst_dataset_export.moc"
