// Dataset editing: classes keep their order and every sample keeps its class name.

#include <QTest>

#include "core/data/dataset.h"

using namespace tstudio::data;

namespace {

Dataset threeClasses() {
    Dataset dataset(DatasetKind::Custom, "/data");
    dataset.addClass("ants");
    dataset.addClass("bees");
    dataset.addClass("wasps");
    for (int i = 0; i < 6; ++i) {
        Sample sample;
        sample.path = "/data/" + std::to_string(i) + ".jpg";
        sample.label = i % 3;
        dataset.addSample(sample);
    }
    return dataset;
}

std::vector<std::string> labelNames(const Dataset& dataset) {
    std::vector<std::string> names;
    for (const Sample& sample : dataset.samples()) {
        names.push_back(sample.label < 0
                            ? std::string("-")
                            : dataset.classes()[static_cast<std::size_t>(sample.label)]);
    }
    return names;
}

} // namespace

class TestDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addClassKeepsOrderAndIsIdempotent() {
        Dataset dataset = threeClasses();
        QCOMPARE(dataset.addClass("bees"), 1);
        QCOMPARE(dataset.addClass("hornets"), 3);
        QCOMPARE(dataset.classes(), (std::vector<std::string>{"ants", "bees", "wasps", "hornets"}));
        QCOMPARE(dataset.classIndex("wasps"), 2);
        QCOMPARE(dataset.classIndex("flies"), -1);
    }

    void renameRefusesDuplicatesAndEmptyNames() {
        Dataset dataset = threeClasses();
        QVERIFY(dataset.renameClass(1, "honeybees").ok());
        QCOMPARE(dataset.classes()[1], std::string("honeybees"));
        QVERIFY(!dataset.renameClass(1, "ants").ok());
        QVERIFY(!dataset.renameClass(1, "").ok());
        QVERIFY(dataset.renameClass(1, "honeybees").ok()); // its own name is fine
    }

    void removeClassUnlabelsItsSamplesAndRenumbers() {
        Dataset dataset = threeClasses();
        dataset.removeClass(1);
        QCOMPARE(dataset.classes(), (std::vector<std::string>{"ants", "wasps"}));
        QCOMPARE(dataset.size(), std::size_t{6});
        QCOMPARE(labelNames(dataset),
                 (std::vector<std::string>{"ants", "-", "wasps", "ants", "-", "wasps"}));
        QCOMPARE(dataset.unlabeledCount(), std::size_t{2});
    }

    void mergeMovesSamplesAndKeepsNames() {
        Dataset dataset = threeClasses();
        dataset.mergeClasses(0, 2);
        QCOMPARE(dataset.classes(), (std::vector<std::string>{"bees", "wasps"}));
        QCOMPARE(labelNames(dataset),
                 (std::vector<std::string>{"wasps", "bees", "wasps", "wasps", "bees", "wasps"}));
        QCOMPARE(dataset.countPerClass(), (std::vector<std::size_t>{2, 4}));
    }

    void relabelRemoveAndSplits() {
        Dataset dataset = threeClasses();
        dataset.relabel(0, 2);
        dataset.relabel(1, kUnlabeled);
        dataset.setSplit(2, Split::Val);
        QVERIFY(dataset.hasSplit());
        QCOMPARE(dataset.countPerClass(Split::Val), (std::vector<std::size_t>{0, 0, 1}));
        dataset.removeSamples({4, 0, 4});
        QCOMPARE(dataset.size(), std::size_t{4});
        QCOMPARE(dataset.sample(0).path, std::filesystem::path("/data/1.jpg"));
        QCOMPARE(dataset.sample(3).path, std::filesystem::path("/data/5.jpg"));
        QCOMPARE(labelNames(dataset), (std::vector<std::string>{"-", "wasps", "ants", "wasps"}));
    }

    void splitNamesRoundTrip() {
        for (Split split : {Split::None, Split::Train, Split::Val, Split::Test}) {
            QCOMPARE(parseSplit(splitName(split)), std::optional<Split>(split));
        }
        QCOMPARE(parseSplit("Validation"), std::optional<Split>(Split::Val));
        QCOMPARE(parseSplit("ants"), std::optional<Split>());
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
