// Stratified, seeded splits, and the dataset file that keeps them.

#include <cmath>

#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset_file.h"
#include "core/data/dataset_opener.h"
#include "core/data/stratified_split.h"
#include "dataset_fixtures.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

namespace {

/** Classes of 100, 30 and 7 file samples (files need not exist to be split). */
Dataset makeDataset() {
    Dataset dataset(DatasetKind::Custom, "/data");
    const std::vector<std::pair<std::string, int>> sizes{{"a", 100}, {"b", 30}, {"c", 7}};
    for (const auto& [name, count] : sizes) {
        const int label = dataset.addClass(name);
        for (int i = 0; i < count; ++i) {
            Sample sample;
            sample.path = "/data/" + name + "/" + std::to_string(i) + ".jpg";
            sample.label = label;
            dataset.addSample(sample);
        }
    }
    Sample unlabeled;
    unlabeled.path = "/data/pool/x.jpg";
    dataset.addSample(unlabeled);
    return dataset;
}

std::vector<Split> splits(const Dataset& dataset) {
    std::vector<Split> out;
    for (const Sample& sample : dataset.samples()) {
        out.push_back(sample.split);
    }
    return out;
}

} // namespace

class TestStratifiedSplit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsClassProportions() {
        Dataset dataset = makeDataset();
        QVERIFY(applyStratifiedSplit(dataset, {}, 42).ok());
        QCOMPARE(dataset.countPerClass(Split::Train), (std::vector<std::size_t>{80, 24, 6}));
        QCOMPARE(dataset.countPerClass(Split::Val), (std::vector<std::size_t>{20, 6, 1}));
        QCOMPARE(dataset.sample(dataset.size() - 1).split, Split::None); // unlabeled stays
    }

    void threeWaySplitAndSmallClasses() {
        Dataset dataset = makeDataset();
        QVERIFY(applyStratifiedSplit(dataset, {0.7, 0.15, 0.15}, 1).ok());
        QCOMPARE(dataset.countPerClass(Split::Val), (std::vector<std::size_t>{15, 5, 1}));
        QCOMPARE(dataset.countPerClass(Split::Test), (std::vector<std::size_t>{15, 5, 1}));
        QCOMPARE(dataset.countPerClass(Split::Train), (std::vector<std::size_t>{70, 20, 5}));

        Dataset two(DatasetKind::Custom, "/d");
        two.addClass("x");
        for (int i = 0; i < 2; ++i) {
            Sample s;
            s.path = "/d/" + std::to_string(i);
            s.label = 0;
            two.addSample(s);
        }
        QVERIFY(applyStratifiedSplit(two, {0.9, 0.05, 0.05}, 3).ok());
        QCOMPARE(two.countPerClass(Split::Train), std::vector<std::size_t>{1});
        QCOMPARE(two.countPerClass(Split::Val), std::vector<std::size_t>{1});
    }

    void reproducibleForASeedAndIndependentOfSampleOrder() {
        Dataset first = makeDataset();
        Dataset second = makeDataset();
        QVERIFY(applyStratifiedSplit(first, {}, 7).ok());
        QVERIFY(applyStratifiedSplit(second, {}, 7).ok());
        QCOMPARE(splits(first), splits(second));

        Dataset other = makeDataset();
        QVERIFY(applyStratifiedSplit(other, {}, 8).ok());
        QVERIFY(splits(first) != splits(other));

        // Same files listed backwards: each file gets the same split.
        Dataset reversed(DatasetKind::Custom, "/data");
        for (const auto& name : first.classes()) {
            reversed.addClass(name);
        }
        for (std::size_t i = first.size(); i-- > 0;) {
            Sample s = first.sample(i);
            s.split = Split::None;
            reversed.addSample(s);
        }
        QVERIFY(applyStratifiedSplit(reversed, {}, 7).ok());
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(reversed.sample(first.size() - 1 - i).split, first.sample(i).split);
        }
    }

    void leavesExistingSplitsAlone() {
        Dataset dataset = makeDataset();
        dataset.setSplit(0, Split::Test);
        QVERIFY(applyStratifiedSplit(dataset, {}, 1).ok());
        QCOMPARE(dataset.sample(0).split, Split::Test);
        QCOMPARE(dataset.countPerClass(Split::Test)[0], std::size_t{1});
    }

    void refusesBadFractions() {
        Dataset dataset = makeDataset();
        QVERIFY(!applyStratifiedSplit(dataset, {0.5, 0.2, 0.2}, 1).ok());
        QVERIFY(!applyStratifiedSplit(dataset, {0.0, 0.5, 0.5}, 1).ok());
        QVERIFY(!applyStratifiedSplit(dataset, {1.2, -0.2, 0.0}, 1).ok());
        QVERIFY(!dataset.hasSplit());
    }

    void completeSplitSplitsADatasetWithoutOne() {
        Dataset completed = makeDataset();
        Dataset applied = makeDataset();
        const auto said = completeSplit(completed, {}, 42);
        QVERIFY(said.ok());
        QVERIFY2(said->find("had no split") != std::string::npos, said->c_str());
        QVERIFY(applyStratifiedSplit(applied, {}, 42).ok());
        QCOMPARE(splits(completed), splits(applied));
    }

    void completeSplitHoldsOutValidationFromTrain() {
        // CIFAR-10's layout: train and test, no validation.
        Dataset dataset = makeDataset();
        for (std::size_t i = 0; i + 1 < dataset.size(); ++i) {
            dataset.setSplit(i, i % 10 == 0 ? Split::Test : Split::Train);
        }
        const auto testBefore = dataset.countPerClass(Split::Test);
        const auto trainBefore = dataset.countPerClass(Split::Train);
        Dataset again = dataset;
        const auto said = completeSplit(dataset, {}, 42);
        QVERIFY(said.ok());
        QVERIFY2(said->find("held out 20 %") != std::string::npos, said->c_str());
        QCOMPARE(dataset.countPerClass(Split::Test), testBefore);
        const auto val = dataset.countPerClass(Split::Val);
        for (std::size_t c = 0; c < val.size(); ++c) {
            QCOMPARE(val[c], static_cast<std::size_t>(std::llround(trainBefore[c] * 0.2)));
            QCOMPARE(val[c] + dataset.countPerClass(Split::Train)[c], trainBefore[c]);
        }
        QCOMPARE(dataset.sample(dataset.size() - 1).split, Split::None); // unlabeled stays

        QVERIFY(completeSplit(again, {}, 42).ok());
        QCOMPARE(splits(again), splits(dataset));
        // Complete now: a second call changes nothing and says nothing.
        const auto second = completeSplit(again, {}, 42);
        QVERIFY(second.ok() && second->empty());
        QCOMPARE(splits(again), splits(dataset));
    }

    void completeSplitWithoutValidationFraction() {
        Dataset dataset = makeDataset();
        for (std::size_t i = 0; i + 1 < dataset.size(); ++i) {
            dataset.setSplit(i, Split::Train);
        }
        const auto said = completeSplit(dataset, {1.0, 0.0, 0.0}, 1);
        QVERIFY(said.ok());
        QVERIFY2(said->find("no validation") != std::string::npos, said->c_str());
        QCOMPARE(dataset.countPerClass(Split::Val), (std::vector<std::size_t>{0, 0, 0}));
    }

    void completeSplitWithoutTrainingImages() {
        // MNIST's t10k files alone: a test split only.
        Dataset dataset = makeDataset();
        for (std::size_t i = 0; i + 1 < dataset.size(); ++i) {
            dataset.setSplit(i, Split::Test);
        }
        const auto before = splits(dataset);
        const auto failed = completeSplit(dataset, {}, 3);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.errorKind(), ErrorKind::Dataset);
        QVERIFY2(failed.message().find("137 labelled images: 0 train, 0 validation, 137 test") !=
                     std::string::npos,
                 failed.message().c_str());
        QVERIFY2(failed.message().find("tstudio data split") != std::string::npos,
                 failed.message().c_str());
        QCOMPARE(splits(dataset), before);

        const auto said = completeSplit(dataset, {0.7, 0.2, 0.1}, 3, SplitWithoutTrain::Resplit);
        QVERIFY(said.ok());
        QVERIFY2(said->find("no training images") != std::string::npos, said->c_str());
        Dataset fresh = makeDataset();
        QVERIFY(applyStratifiedSplit(fresh, {0.7, 0.2, 0.1}, 3).ok());
        QCOMPARE(splits(dataset), splits(fresh));
    }

    void completeSplitRefusesBadFractions() {
        Dataset dataset = makeDataset();
        QVERIFY(!completeSplit(dataset, {0.5, 0.2, 0.2}, 1).ok());
        QVERIFY(!dataset.hasSplit());
    }

    void savedSplitLoadsBackUnchanged() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        test::writeBytes(root / "images/cats/1.png", test::pngBytes(8, 8, 1));
        test::writeBytes(root / "images/cats/2.png", test::pngBytes(8, 8, 2));
        test::writeBytes(root / "images/dogs/\xff\xfe name.png", test::pngBytes(8, 8, 3));
        test::writeBytes(root / "images/dogs/4.png", test::pngBytes(8, 8, 4));
        auto dataset = openDataset(root / "images");
        QVERIFY(dataset.ok());
        QVERIFY(applyStratifiedSplit(*dataset, {0.5, 0.5, 0.0}, 99).ok());
        dataset->relabel(0, kUnlabeled);
        const fs::path file = root / "project/dataset.json";
        fs::create_directories(file.parent_path());
        QVERIFY(saveDataset({*dataset, SplitRecipe{{0.5, 0.5, 0.0}, 18446744073709551615ull}}, file)
                    .ok());
        auto loaded = loadDataset(file);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->dataset.kind(), DatasetKind::ImageFolder);
        QCOMPARE(loaded->dataset.classes(), dataset->classes());
        QCOMPARE(loaded->dataset.size(), dataset->size());
        for (std::size_t i = 0; i < dataset->size(); ++i) {
            QCOMPARE(loaded->dataset.sample(i).path, dataset->sample(i).path);
            QCOMPARE(loaded->dataset.sample(i).label, dataset->sample(i).label);
            QCOMPARE(loaded->dataset.sample(i).split, dataset->sample(i).split);
        }
        QVERIFY(loaded->recipe.has_value());
        QCOMPARE(loaded->recipe->seed, 18446744073709551615ull);
        QCOMPARE(loaded->recipe->fractions.val, 0.5);
        // QTemporaryDir cannot delete a name that is not UTF-8; std::filesystem can.
        fs::remove_all(root / "images");
    }

    void binarySourcesGetTheirPixelsBack() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        test::writeBytes(dir / "data_batch_1.bin", test::cifarBatch(20));
        auto dataset = openDataset(dir);
        QVERIFY(dataset.ok());
        QVERIFY(applyStratifiedSplit(*dataset, {0.5, 0.5, 0.0}, 5).ok());
        auto loaded = datasetFromJson(datasetToJson({*dataset, std::nullopt}));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->dataset.size(), std::size_t{20});
        QCOMPARE(loaded->dataset.sample(13).record, std::int64_t{13});
        QVERIFY(loaded->dataset.sample(13).image);
        QCOMPARE(loaded->dataset.sample(13).image->pixels, dataset->sample(13).image->pixels);
        QCOMPARE(loaded->dataset.sample(13).split, dataset->sample(13).split);
    }

    void damagedFilesFail() {
        QVERIFY(!datasetFromJson("{").ok());
        QVERIFY(!datasetFromJson("{\"format\":\"other\"}").ok());
        QVERIFY(
            !datasetFromJson("{\"format\":\"tstudio-dataset\",\"version\":1,\"kind\":\"custom\","
                             "\"root\":\"/r\",\"classes\":[\"a\"],\"samples\":[{\"path\":\"x\","
                             "\"label\":3,\"split\":\"train\"}]}")
                 .ok());
    }
};

QTEST_GUILESS_MAIN(TestStratifiedSplit)
#include "tst_stratified_split.moc"
