// Backbone + new head, freezing presets and rules, BatchNorm modes, the module tree.

#include <QTest>

#include <torch/torch.h>

#include "core/training/freezing.h"
#include "core/training/model_tree.h"
#include "core/training/transfer_net.h"

using namespace tstudio;
using namespace tstudio::training;

namespace {

TrainingConfig smallConfig(const std::string& arch, const std::string& head, int inputSize = 32) {
    TrainingConfig c;
    c.arch = arch;
    c.fromScratch = true;
    c.inputSize = inputSize;
    c.head = *parseHeadSpec(head);
    return c;
}

std::map<std::string, torch::Tensor> namedShapes(const TransferNet& net) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& [name, t] : net.namedParameters()) {
        out.emplace(name, t);
    }
    return out;
}

std::set<std::string> trainableFor(const TransferNet& net, const std::string& spec) {
    auto trainable = resolveTrainable(net, *parseFreezeSpec(spec));
    if (!trainable) {
        qWarning("%s: %s", spec.c_str(), trainable.message().c_str());
        return {};
    }
    return *trainable;
}

} // namespace

class TestModelAssembly : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(1); }

    void newHeadWithHiddenLayers() {
        auto net = TransferNet::create(smallConfig("resnet18", "avg,16:relu:0.1,dropout=0.2"), 3);
        QVERIFY2(net.ok(), net.ok() ? "" : net.message().c_str());
        const auto params = namedShapes(*net);
        QCOMPARE(params.at("head.hidden.0.weight").sizes(), (torch::IntArrayRef{16, 512}));
        QCOMPARE(params.at("head.fc.weight").sizes(), (torch::IntArrayRef{3, 16}));
        QVERIFY(params.count("fc.weight") == 0); // the ImageNet head is not trained
        QVERIFY(params.count("conv1.weight") == 1);
        QCOMPARE(net->headPath(), std::string("head"));
        // ... but stays in the backbone, usable as is.
        QCOMPARE(net->backbone()->numClasses(), std::int64_t{1000});
        net->train(false);
        QCOMPARE(net->forward(torch::randn({2, 3, 32, 32})).sizes(), (torch::IntArrayRef{2, 3}));
    }

    void neckKeepsTorchvisionKeys() {
        auto net = TransferNet::create(smallConfig("mobilenet_v3_small", "neck"), 4);
        QVERIFY(net.ok());
        const auto params = namedShapes(*net);
        QCOMPARE(params.at("classifier.3.weight").sizes(), (torch::IntArrayRef{4, 1024}));
        QVERIFY(params.count("classifier.0.weight") == 1); // the pretrained hidden layer
        QCOMPARE(net->headPath(), std::string("classifier.3"));
        for (const auto& [name, t] : params) {
            QVERIFY(!name.starts_with("head."));
        }
    }

    void poolingWidths() {
        auto flat = TransferNet::create(smallConfig("resnet18", "flatten", 64), 2);
        QVERIFY(flat.ok());
        // 64 px -> 2x2 feature map of 512 channels.
        QCOMPARE(namedShapes(*flat).at("head.fc.weight").size(1), std::int64_t{2048});
        auto maxPool = TransferNet::create(smallConfig("mobilenet_v3_small", "max"), 2);
        QVERIFY(maxPool.ok());
        const auto params = namedShapes(*maxPool);
        QCOMPARE(params.at("head.fc.weight").size(1), std::int64_t{576});
        // The neck's hidden layer is not used with global pooling.
        QVERIFY(params.count("classifier.0.weight") == 0);
        maxPool->train(false);
        QCOMPARE(maxPool->forward(torch::randn({1, 3, 32, 32})).sizes(),
                 (torch::IntArrayRef{1, 2}));
    }

    void badConfigsFail() {
        QVERIFY(!TransferNet::create(smallConfig("resnet7", "neck"), 2).ok());
        QVERIFY(!TransferNet::create(smallConfig("inception_v3", "neck", 32), 2).ok());
        QVERIFY(!TransferNet::create(smallConfig("resnet18", "neck"), 1).ok());
    }

    void freezePresets() {
        auto net = TransferNet::create(smallConfig("mobilenet_v2", "neck"), 2);
        QVERIFY(net.ok());
        QCOMPARE(trainableFor(*net, "head"),
                 (std::set<std::string>{"classifier.1.bias", "classifier.1.weight"}));
        QCOMPARE(trainableFor(*net, "all").size(), std::size_t{0});
        QCOMPARE(trainableFor(*net, "none").size(), net->namedParameters().size());
        const auto last2 = trainableFor(*net, "last:2");
        for (const std::string& name : last2) {
            QVERIFY2(name.starts_with("features.17.") || name.starts_with("features.18.") ||
                         name.starts_with("classifier.1."),
                     name.c_str());
        }
        QVERIFY(last2.count("features.17.conv.0.0.weight") == 1);
        // Rules in order, a later one wins.
        const auto ruled = trainableFor(*net, "head,+features.18,-features.18.1");
        QVERIFY(ruled.count("features.18.0.weight") == 1);
        QVERIFY(ruled.count("features.18.1.weight") == 0);
        QVERIFY(ruled.count("classifier.1.weight") == 1);
        // "head" names the new head also where it is the backbone's replaced Linear.
        QCOMPARE(trainableFor(*net, "all,+head"), trainableFor(*net, "head"));
        auto unknown = resolveTrainable(*net, *parseFreezeSpec("head,+features.99"));
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.message().find("features.99") != std::string::npos);
        // A block name that is not a module (ResNet's stem) covers its modules.
        auto resnet = TransferNet::create(smallConfig("resnet18", "neck"), 2);
        const auto stem = trainableFor(*resnet, "all,+stem");
        QCOMPARE(stem, (std::set<std::string>{"bn1.bias", "bn1.weight", "conv1.weight"}));
    }

    void frozenStepKeepsWeightsAndBatchNormStats() {
        auto net = TransferNet::create(smallConfig("resnet18", "avg,8:relu"), 3);
        QVERIFY(net.ok());
        const FreezeSpec spec = *parseFreezeSpec("last:1");
        const auto trainable = *resolveTrainable(*net, spec);
        applyTrainable(*net, trainable);
        const CutPoint prefix = frozenPrefix(*net, trainable, spec);
        QCOMPARE(prefix.blocks, 4);
        QVERIFY(!prefix.throughPooling);
        setTrainingModes(*net, trainable, spec, prefix);
        std::map<std::string, torch::Tensor> before;
        for (const auto& [name, t] : net->stateDict()) {
            before.emplace(name, t.clone());
        }
        std::vector<torch::Tensor> params;
        for (const auto& [name, t] : net->namedParameters()) {
            if (t.requires_grad()) {
                params.push_back(t);
            }
        }
        torch::optim::SGD sgd(params, torch::optim::SGDOptions(0.1));
        const auto loss = torch::cross_entropy_loss(net->forward(torch::randn({4, 3, 32, 32})),
                                                    torch::tensor({0, 1, 2, 0}));
        loss.backward();
        sgd.step();
        for (const auto& [name, t] : net->stateDict()) {
            const bool same = torch::equal(t, before.at(name));
            const bool trains = trainable.count(name) != 0;
            if (name.starts_with("layer4.") || name.starts_with("head.")) {
                if (!name.ends_with("num_batches_tracked")) {
                    QVERIFY2(!same, name.c_str()); // trained, and BN stats updated
                }
            } else {
                QVERIFY2(same, name.c_str()); // frozen weights and BN running stats
                QVERIFY(!trains);
            }
        }
    }

    void prefixPlusSuffixEqualsForward() {
        auto net = TransferNet::create(smallConfig("mobilenet_v2", "neck"), 2);
        QVERIFY(net.ok());
        net->train(false);
        torch::NoGradGuard noGrad;
        const auto x = torch::randn({2, 3, 32, 32});
        const auto whole = net->forward(x);
        for (const CutPoint cut :
             {CutPoint{0, false}, CutPoint{7, false}, CutPoint{19, false}, CutPoint{19, true}}) {
            const auto split = net->forwardSuffix(net->forwardPrefix(x, cut), cut);
            QVERIFY(torch::allclose(split, whole, 1e-5, 1e-6));
        }
        const auto trainable = trainableFor(*net, "head");
        QCOMPARE(frozenPrefix(*net, trainable, *parseFreezeSpec("head")), (CutPoint{19, true}));
        QCOMPARE(frozenPrefix(*net, trainable, *parseFreezeSpec("head,train-bn")), CutPoint{});
    }

    void describeModelAgreesWithFreezing() {
        TrainingConfig c = smallConfig("mobilenet_v2", "neck");
        c.mode = TrainMode::FineTune;
        c.freeze = *parseFreezeSpec("last:1");
        c.lrMultipliers = {{"", 0.1}, {"head", 1.0}}; // "head": here classifier.1
        auto tree = describeModel(c, 5);
        QVERIFY2(tree.ok(), tree.ok() ? "" : tree.message().c_str());
        const auto names = trainableParameterNames(c, 5);
        QVERIFY(names.ok());
        auto net = TransferNet::create(c, 5);
        std::int64_t total = 0, trainable = 0;
        for (const auto& [name, t] : net->namedParameters()) {
            total += t.numel();
            if (std::find(names->begin(), names->end(), name) != names->end()) {
                trainable += t.numel();
            }
        }
        QCOMPARE(tree->totalParameters(), total);
        QCOMPARE(tree->trainableParameters(), trainable);
        const ModuleNode& root = tree->nodes[0];
        QCOMPARE(root.outputShape, (std::vector<std::int64_t>{1, 5}));
        bool sawBlock = false;
        for (const ModuleNode& node : tree->nodes) {
            if (node.path == "features.3") {
                sawBlock = true;
                QVERIFY(node.isBlock);
                QCOMPARE(node.outputShape, (std::vector<std::int64_t>{1, 24, 8, 8}));
                QCOMPARE(node.trainableParameters, std::int64_t{0});
                QCOMPARE(node.lrMultiplier, 0.1);
                QCOMPARE(tree->nodes[static_cast<std::size_t>(node.parent)].path,
                         std::string("features"));
            }
            if (node.path == "classifier.1") {
                QCOMPARE(node.trainableParameters, node.parameters);
                QCOMPARE(node.lrMultiplier, 1.0);
                QCOMPARE(node.type, std::string("Linear"));
            }
        }
        QVERIFY(sawBlock);
        // Feature mode ignores the freeze spec: only the head trains.
        c.mode = TrainMode::Feature;
        QCOMPARE(*trainableParameterNames(c, 5),
                 (std::vector<std::string>{"classifier.1.bias", "classifier.1.weight"}));
        // Two-stage: stage 2 uses its own spec.
        c.mode = TrainMode::TwoStage;
        QCOMPARE(trainableParameterNames(c, 5, 2)->size(), net->namedParameters().size());
    }
};

QTEST_GUILESS_MAIN(TestModelAssembly)
#include "tst_model_assembly.moc"
