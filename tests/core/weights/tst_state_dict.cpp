#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

#include "core/weights/state_dict.h"

using namespace tstudio::weights;

namespace {

// A small network with torchvision-style names: features.{0,1} (conv, BN) and classifier.1.
struct TinyNetImpl : torch::nn::Module {
    explicit TinyNetImpl(int64_t classes) {
        features->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 4, 3).bias(false)));
        features->push_back(torch::nn::BatchNorm2d(4));
        classifier->push_back(torch::nn::Dropout(0.2));
        classifier->push_back(torch::nn::Linear(4, classes));
        register_module("features", features);
        register_module("classifier", classifier);
    }
    torch::nn::Sequential features;
    torch::nn::Sequential classifier;
};
TORCH_MODULE(TinyNet);

const torch::Tensor& find(const StateDict& dict, const std::string& key) {
    static const torch::Tensor none;
    for (const auto& [name, tensor] : dict) {
        if (name == key) {
            return tensor;
        }
    }
    return none;
}

std::vector<std::string> keysOf(const StateDict& dict) {
    std::vector<std::string> keys;
    for (const auto& item : dict) {
        keys.push_back(item.first);
    }
    return keys;
}

} // namespace

class TestStateDict : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(7); }

    void stateDictOfUsesTorchvisionKeysAndOrder() {
        TinyNet net(10);
        const std::vector<std::string> expected{
            "features.0.weight",       "features.1.weight",      "features.1.bias",
            "features.1.running_mean", "features.1.running_var", "features.1.num_batches_tracked",
            "classifier.1.weight",     "classifier.1.bias"};
        QCOMPARE(keysOf(stateDictOf(*net)), expected);
    }

    void compareReportsMissingUnexpectedAndMismatched() {
        TinyNet source(1000);
        TinyNet target(10);
        StateDict dict = stateDictOf(*source);
        dict.erase(dict.begin() + 1); // features.1.weight
        dict.emplace_back("extra.weight", torch::ones({2}));
        const LoadReport report = compareStateDict(*target, dict);
        QCOMPARE(report.missing, std::vector<std::string>{"features.1.weight"});
        QCOMPARE(report.unexpected, std::vector<std::string>{"extra.weight"});
        QCOMPARE(report.mismatched.size(), size_t{2});
        QCOMPARE(report.mismatched[0].key, std::string("classifier.1.weight"));
        QCOMPARE(report.mismatched[0].modelShape, (std::vector<int64_t>{10, 4}));
        QCOMPARE(report.mismatched[0].fileShape, (std::vector<int64_t>{1000, 4}));
        QCOMPARE(report.matched, int64_t{5});
        QVERIFY(!report.clean());
        const std::string summary = report.summary();
        QVERIFY2(summary.find("5 of 8") != std::string::npos, summary.c_str());
        QVERIFY2(summary.find("classifier.1.weight (model [10, 4], file [1000, 4])") !=
                     std::string::npos,
                 summary.c_str());
        QVERIFY2(summary.find("extra.weight") != std::string::npos, summary.c_str());
    }

    void strictLoadIsAllOrNothing() {
        TinyNet source(1000);
        TinyNet target(10);
        const torch::Tensor before = find(stateDictOf(*target), "features.0.weight").clone();
        auto result = loadStateDict(*target, stateDictOf(*source), LoadPolicy::Strict);
        QVERIFY(!result.ok());
        QVERIFY2(result.message().find("nothing was loaded") != std::string::npos,
                 result.message().c_str());
        QVERIFY(torch::equal(find(stateDictOf(*target), "features.0.weight"), before));
    }

    void strictLoadCopiesEverything() {
        TinyNet source(10);
        TinyNet target(10);
        const StateDict dict = stateDictOf(*source);
        find(dict, "features.1.running_mean").fill_(0.5);
        find(dict, "features.1.num_batches_tracked").fill_(42);
        auto result = loadStateDict(*target, dict, LoadPolicy::Strict);
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QVERIFY(result->clean());
        QCOMPARE(result->matched, int64_t{8});
        for (const auto& [key, tensor] : stateDictOf(*target)) {
            QVERIFY2(torch::equal(tensor, find(dict, key)), key.c_str());
        }
        QCOMPARE(find(stateDictOf(*target), "features.1.num_batches_tracked").item<int64_t>(),
                 int64_t{42});
    }

    void matchingOnlyLoadsBackboneNotHead() {
        TinyNet source(1000);
        TinyNet target(10);
        const torch::Tensor headBefore = find(stateDictOf(*target), "classifier.1.weight").clone();
        StateDict dict = stateDictOf(*source);
        // Files may carry other dtypes (a float64 export); loading converts.
        for (auto& item : dict) {
            if (item.first == "features.0.weight") {
                item.second = item.second.to(torch::kFloat64);
            }
        }
        auto result = loadStateDict(*target, dict, LoadPolicy::MatchingOnly);
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QCOMPARE(result->matched, int64_t{6});
        QCOMPARE(result->mismatched.size(), size_t{2});
        const StateDict loaded = stateDictOf(*target);
        QVERIFY(torch::allclose(find(loaded, "features.0.weight"),
                                find(stateDictOf(*source), "features.0.weight")));
        QCOMPARE(find(loaded, "features.0.weight").scalar_type(), torch::kFloat32);
        QVERIFY(torch::equal(find(loaded, "classifier.1.weight"), headBefore));
    }

    void matchingOnlyRejectsForeignWeights() {
        TinyNet target(10);
        StateDict dict{{"layer1.0.conv1.weight", torch::zeros({64, 64, 3, 3})}};
        auto result = loadStateDict(*target, dict, LoadPolicy::MatchingOnly);
        QVERIFY(!result.ok());
        QVERIFY2(result.message().find("another architecture") != std::string::npos,
                 result.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestStateDict)
#include "tst_state_dict.moc"
