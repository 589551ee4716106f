// Every registered backbone has torchvision 0.14's module tree (keys, shapes, parameter count,
// fixtures/<arch>.json), agrees with its registry entry, and keeps the BackboneImpl contract:
// blocks + neck + head compose to forward, blocks own the parameters they claim, any input size
// from minInputSize on works, the head can be replaced, and training reaches every parameter.

#include <QTest>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/models/factory.h"
#include "core/models/registry.h"
#include "deterministic_weights.h"
#include "parity_fixture.h"

using namespace tstudio;

namespace {

/// torchvision's Inception v3 registers AuxLogits (its keys are in the official file) but only
/// its training forward uses it; ours never does.
bool isUnusedBranch(const std::string& key) {
    return key.starts_with("AuxLogits.");
}

bool isUnder(const std::string& key, const std::string& modulePath) {
    return modulePath.empty() || key == modulePath || key.starts_with(modulePath + ".");
}

QString joinFirst(const std::vector<std::string>& items, size_t limit = 12) {
    QString out;
    for (size_t i = 0; i < items.size() && i < limit; ++i) {
        out += (i == 0 ? QString() : QStringLiteral(", ")) + QString::fromStdString(items[i]);
    }
    if (items.size() > limit) {
        out += QStringLiteral(", ... (%1 in all)").arg(items.size());
    }
    return out;
}

QString shapeText(at::IntArrayRef shape) {
    QString out = QStringLiteral("[");
    for (size_t i = 0; i < shape.size(); ++i) {
        out += (i == 0 ? QString() : QStringLiteral(", ")) + QString::number(shape[i]);
    }
    return out + QLatin1Char(']');
}

std::string dtypeName(torch::ScalarType type) {
    switch (type) {
    case torch::kFloat32:
        return "float32";
    case torch::kInt64:
        return "int64";
    default:
        return c10::toString(type);
    }
}

/** Parameters and buffers by key, as torchvision's state_dict() has them. */
std::map<std::string, torch::Tensor> stateOf(const torch::nn::Module& module) {
    std::map<std::string, torch::Tensor> state;
    for (const auto& item : module.named_parameters(/*recurse=*/true)) {
        state.emplace(item.key(), item.value());
    }
    for (const auto& item : module.named_buffers(/*recurse=*/true)) {
        state.emplace(item.key(), item.value());
    }
    return state;
}

int64_t parameterCount(const torch::nn::Module& module) {
    int64_t count = 0;
    for (const auto& p : module.parameters(/*recurse=*/true)) {
        count += p.numel();
    }
    return count;
}

/** Keys of the parameters that received a gradient since clearGradients. */
std::set<std::string> keysWithGradient(const torch::nn::Module& module) {
    std::set<std::string> keys;
    for (const auto& item : module.named_parameters(/*recurse=*/true)) {
        if (item.value().grad().defined()) {
            keys.insert(item.key());
        }
    }
    return keys;
}

void clearGradients(torch::nn::Module& module) {
    for (auto& p : module.parameters(/*recurse=*/true)) {
        p.mutable_grad().reset();
    }
}

/** Backpropagates from t's sum; a part without parameters (ResNet's neck) has no graph. */
void backwardFrom(const torch::Tensor& t) {
    if (t.requires_grad()) {
        t.sum().backward();
    }
}

int smallSizeFor(const models::BackboneInfo& info) {
    return std::max(64, info.minInputSize);
}

} // namespace

/** Builds name with numClasses outputs into `var`, failing the test (with the factory's
 *  message) when it can't: a registered backbone that is not built is a failure. */
#define BUILD_OR_FAIL(var, name, numClasses)                                                       \
    models::Backbone var{nullptr};                                                                 \
    {                                                                                              \
        auto built_ = models::createBackbone(name, numClasses);                                    \
        if (!built_.ok()) {                                                                        \
            QFAIL(built_.message().c_str());                                                       \
        }                                                                                          \
        var = std::move(built_).value();                                                           \
    }

class TestBackboneStructure : public QObject {
    Q_OBJECT

private:
    static void addArchRows() {
        QTest::addColumn<QString>("arch");
        for (const auto& info : models::backboneRegistry()) {
            QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name);
        }
    }

    static const models::BackboneInfo& infoOf(const QString& arch) {
        const auto* info = models::findBackbone(arch.toStdString());
        Q_ASSERT(info != nullptr); // rows come from the registry
        return *info;
    }

private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(0);
        QVERIFY(!models::backboneRegistry().empty());
    }

    void stateDictMatchesTorchvision_data() { addArchRows(); }
    void stateDictMatchesTorchvision() {
        QFETCH(QString, arch);
        const auto& info = infoOf(arch);
        QString error;
        const auto fixture = tstudio::test::loadParityFixture(info.name, &error);
        QVERIFY2(fixture.has_value(), qPrintable(error));
        BUILD_OR_FAIL(model, info.name, 1000);

        const auto ours = stateOf(*model);
        std::vector<std::string> missing;
        std::vector<std::string> mismatched;
        std::set<std::string> theirs;
        for (const auto& entry : fixture->stateDict1000) {
            theirs.insert(entry.key);
            const auto it = ours.find(entry.key);
            if (it == ours.end()) {
                missing.push_back(entry.key);
                continue;
            }
            const auto shape = it->second.sizes().vec();
            const auto dtype = dtypeName(it->second.scalar_type());
            if (shape != entry.shape || dtype != entry.dtype) {
                mismatched.push_back(entry.key + " ours " + shapeText(shape).toStdString() + " " +
                                     dtype + ", torchvision " +
                                     shapeText(entry.shape).toStdString() + " " + entry.dtype);
            }
        }
        std::vector<std::string> unexpected;
        for (const auto& [key, tensor] : ours) {
            if (!theirs.contains(key)) {
                unexpected.push_back(key);
            }
        }
        QVERIFY2(
            missing.empty() && unexpected.empty() && mismatched.empty(),
            qPrintable(QStringLiteral("%1 keys ours, %2 torchvision's. Missing: %3. "
                                      "Unexpected: %4. Different: %5")
                           .arg(ours.size())
                           .arg(fixture->stateDict1000.size())
                           .arg(joinFirst(missing), joinFirst(unexpected), joinFirst(mismatched))));
        QCOMPARE(parameterCount(*model), fixture->parameterCount1000);
        QCOMPARE(info.parameterCount, fixture->parameterCount1000);
        for (const auto& p : model->parameters()) {
            QVERIFY(p.requires_grad());
        }
    }

    void registryFactsMatchModule_data() { addArchRows(); }
    void registryFactsMatchModule() {
        QFETCH(QString, arch);
        const auto& info = infoOf(arch);
        BUILD_OR_FAIL(model, info.name, 10);

        QCOMPARE(model->featureWidth(), info.featureWidth);
        QCOMPARE(model->numClasses(), int64_t{10});
        QCOMPARE(model->headPath(), info.headPath);
        const auto modules = model->named_modules();
        QVERIFY2(modules.contains(info.headPath), info.headPath.c_str());
        QVERIFY(modules[info.headPath]->as<torch::nn::Linear>() != nullptr);
        QVERIFY(modules[info.headPath].get() == model->head().get());
        QCOMPARE(model->blockNames(), info.blocks);

        // Blocks own disjoint module paths that exist.
        std::map<std::string, std::string> ownerOf;
        for (int b = 0; b < static_cast<int>(info.blocks.size()); ++b) {
            const auto paths = model->blockModulePaths(b);
            QVERIFY2(!paths.empty(), info.blocks[static_cast<size_t>(b)].c_str());
            for (const auto& path : paths) {
                QVERIFY2(modules.contains(path),
                         qPrintable(QStringLiteral("block %1 names %2, which is no submodule")
                                        .arg(QString::fromStdString(info.blocks[size_t(b)]),
                                             QString::fromStdString(path))));
                QVERIFY2(!isUnder(info.headPath, path) && !isUnder(path, info.headPath),
                         path.c_str());
            }
            for (const auto& item : model->named_parameters()) {
                for (const auto& path : paths) {
                    if (isUnder(item.key(), path)) {
                        const auto [it, fresh] =
                            ownerOf.emplace(item.key(), info.blocks[size_t(b)]);
                        QVERIFY2(
                            fresh || it->second == info.blocks[size_t(b)],
                            qPrintable(QStringLiteral("%1 is in blocks %2 and %3")
                                           .arg(QString::fromStdString(item.key()),
                                                QString::fromStdString(it->second),
                                                QString::fromStdString(info.blocks[size_t(b)]))));
                    }
                }
            }
        }
        QVERIFY(!ownerOf.empty());
    }

    // Block i's forwardBlocks touches exactly the parameters under blockModulePaths(i); the neck
    // the rest except the head; the head only the head: so blocks + neck + head cover every
    // parameter, and freezing a block freezes what actually runs in it.
    void blocksOwnTheirParameters_data() { addArchRows(); }
    void blocksOwnTheirParameters() {
        QFETCH(QString, arch);
        const auto& info = infoOf(arch);
        BUILD_OR_FAIL(model, info.name, 10);
        model->eval();
        const int n = static_cast<int>(model->blockNames().size());
        const int size = smallSizeFor(info);

        std::set<std::string> allKeys;
        for (const auto& item : model->named_parameters()) {
            allKeys.insert(item.key());
        }
        auto underAny = [&](const std::vector<std::string>& paths) {
            std::set<std::string> keys;
            for (const auto& key : allKeys) {
                for (const auto& path : paths) {
                    if (isUnder(key, path)) {
                        keys.insert(key);
                    }
                }
            }
            return keys;
        };
        auto difference = [](const std::set<std::string>& a, const std::set<std::string>& b) {
            std::vector<std::string> out;
            std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
            return out;
        };
        auto expectGradients = [&](const QString& what, const std::set<std::string>& expected) {
            const auto got = keysWithGradient(*model);
            const auto notReached = difference(expected, got);
            const auto extra = difference(got, expected);
            if (!notReached.empty() || !extra.empty()) {
                return QStringLiteral("%1: not reached: %2; reached but not its own: %3")
                    .arg(what, joinFirst(notReached), joinFirst(extra));
            }
            return QString();
        };

        std::set<std::string> claimed = underAny({info.headPath});
        const std::set<std::string> headKeys = claimed;
        torch::Tensor x = tstudio::test::deterministicInput({1, 3, size, size});
        for (int b = 0; b < n; ++b) {
            clearGradients(*model);
            const auto y = model->forwardBlocks(x, b, b + 1);
            backwardFrom(y);
            auto own = underAny(model->blockModulePaths(b));
            std::erase_if(own, isUnusedBranch); // Inception's aux branch hangs off Mixed_6e
            const QString problem = expectGradients(
                QStringLiteral("block %1").arg(QString::fromStdString(info.blocks[size_t(b)])),
                own);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            claimed.insert(own.begin(), own.end());
            const auto withUnused = underAny(model->blockModulePaths(b));
            claimed.insert(withUnused.begin(), withUnused.end());
            x = y.detach();
        }
        std::set<std::string> neckKeys;
        for (const auto& key : allKeys) {
            if (!claimed.contains(key) && !isUnusedBranch(key)) {
                neckKeys.insert(key);
            }
        }
        clearGradients(*model);
        const auto features = model->forwardNeck(x);
        QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{1, info.featureWidth}));
        backwardFrom(features);
        QString problem = expectGradients(QStringLiteral("neck"), neckKeys);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        clearGradients(*model);
        backwardFrom(model->head()->forward(features.detach()));
        problem = expectGradients(QStringLiteral("head"), headKeys);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // forward == head(neck(blocks)), splitting the blocks anywhere changes nothing, and each
    // block's output has torchvision's shape.
    void blocksComposeToForward_data() { addArchRows(); }
    void blocksComposeToForward() {
        QFETCH(QString, arch);
        const auto& info = infoOf(arch);
        QString error;
        const auto fixture = tstudio::test::loadParityFixture(info.name, &error);
        QVERIFY2(fixture.has_value(), qPrintable(error));
        BUILD_OR_FAIL(model, info.name, 10);
        model->eval();
        torch::NoGradGuard noGrad;
        const int n = static_cast<int>(model->blockNames().size());
        QCOMPARE(fixture->blockOutputShapes.size(), static_cast<size_t>(n));

        // Batch 1 to keep the suite fast; the fixture's shapes are for its first case's batch.
        auto inputShape = fixture->cases.front().inputShape;
        inputShape[0] = 1;
        const auto input = tstudio::test::deterministicInput(inputShape);
        std::vector<torch::Tensor> outputs; // outputs[b] = output of block b
        torch::Tensor x = input;
        for (int b = 0; b < n; ++b) {
            x = model->forwardBlocks(x, b, b + 1);
            const auto& [name, torchvisionShape] = fixture->blockOutputShapes[size_t(b)];
            auto shape = torchvisionShape;
            shape[0] = 1;
            QCOMPARE(model->blockNames()[size_t(b)], name);
            QVERIFY2(x.sizes().vec() == shape,
                     qPrintable(QStringLiteral("block %1: ours %2, torchvision %3")
                                    .arg(QString::fromStdString(name), shapeText(x.sizes()),
                                         shapeText(shape))));
            outputs.push_back(x);
        }
        const auto all = model->forwardBlocks(input, 0, n);
        QVERIFY(torch::equal(all, outputs.back()));
        for (int k = 1; k < n; ++k) {
            QVERIFY2(torch::equal(model->forwardBlocks(outputs[size_t(k - 1)], k, n), all),
                     qPrintable(QStringLiteral("split at %1").arg(k)));
        }
        const auto logits = model->forward(input);
        QVERIFY(torch::equal(logits, model->head()->forward(model->forwardNeck(all))));
        QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{input.size(0), 10}));
    }

    // Any square input from minInputSize on gives logits; below it the network refuses (the
    // registry's minInputSize is torchvision's min_size, and it is tight).
    void inputSizes_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("size");
        // 299 and 320 on the three VGGs, ResNet-101 and ConvNeXt would take most of the suite's
        // time on CI's 2 cores and exercise nothing 224 does not.
        const std::vector<int> sizes{32, 96, 160, 224, 299, 320};
        for (const auto& info : models::backboneRegistry()) {
            const bool heavy = info.family == "VGG" || info.family == "ConvNeXt" ||
                               info.parameterCount > 40'000'000;
            std::vector<int> rows{info.minInputSize};
            for (const int size : sizes) {
                if (size > info.minInputSize && !(heavy && size > 224)) {
                    rows.push_back(size);
                }
            }
            for (const int size : rows) {
                QTest::newRow(qPrintable(
                    QStringLiteral("%1/%2px").arg(QString::fromStdString(info.name)).arg(size)))
                    << QString::fromStdString(info.name) << size;
            }
        }
    }
    void inputSizes() {
        QFETCH(QString, arch);
        QFETCH(int, size);
        const auto& info = infoOf(arch);
        if (m_sizeModelName != info.name) {
            m_sizeModel = models::Backbone(nullptr);
            m_sizeModelName.clear();
            BUILD_OR_FAIL(model, info.name, 10);
            model->eval();
            m_sizeModel = model;
            m_sizeModelName = info.name;
        }
        torch::NoGradGuard noGrad;
        const auto logits =
            m_sizeModel->forward(tstudio::test::deterministicInput({1, 3, size, size}));
        QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{1, 10}));
        QVERIFY(torch::isfinite(logits).all().item<bool>());
        if (size == info.minInputSize && size > 1) {
            bool refused = false;
            try {
                (void)m_sizeModel->forward(torch::zeros({1, 3, size - 1, size - 1}));
            } catch (const c10::Error&) {
                refused = true;
            }
            QVERIFY2(
                refused,
                qPrintable(QStringLiteral("%1 px works: minInputSize is not tight").arg(size - 1)));
        }
    }
    void inputSizes_cleanup() {
        if (QTest::currentTestFailed()) {
            m_sizeModel = models::Backbone(nullptr);
            m_sizeModelName.clear();
        }
    }

    void numClasses_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("classes");
        for (const auto& info : models::backboneRegistry()) {
            for (const int classes : {1, 2, 7}) {
                QTest::newRow(qPrintable(
                    QStringLiteral("%1/%2").arg(QString::fromStdString(info.name)).arg(classes)))
                    << QString::fromStdString(info.name) << classes;
            }
        }
    }
    void numClasses() {
        QFETCH(QString, arch);
        QFETCH(int, classes);
        const auto& info = infoOf(arch);
        BUILD_OR_FAIL(model, info.name, classes);
        model->eval();
        QCOMPARE(model->numClasses(), int64_t{classes});
        QCOMPARE(model->featureWidth(), info.featureWidth);
        const auto state = stateOf(*model);
        QCOMPARE(state.at(info.headPath + ".weight").sizes().vec(),
                 (std::vector<int64_t>{classes, info.featureWidth}));
        QCOMPARE(state.at(info.headPath + ".bias").sizes().vec(), (std::vector<int64_t>{classes}));
        // Every class adds the same number of parameters (Inception: to fc and AuxLogits.fc).
        QString error;
        const auto fixture = tstudio::test::loadParityFixture(info.name, &error);
        QVERIFY2(fixture.has_value(), qPrintable(error));
        const int64_t perClass =
            (fixture->parameterCount1000 - fixture->parameterCount) / (1000 - fixture->numClasses);
        QVERIFY(perClass >= info.featureWidth + 1);
        QCOMPARE(parameterCount(*model), fixture->parameterCount1000 - (1000 - classes) * perClass);
        torch::NoGradGuard noGrad;
        const int size = smallSizeFor(info);
        const auto logits = model->forward(tstudio::test::deterministicInput({1, 3, size, size}));
        QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{1, classes}));
        QVERIFY(torch::isfinite(logits).all().item<bool>());
    }

    void replaceHead_data() { addArchRows(); }
    void replaceHead() {
        QFETCH(QString, arch);
        const auto& info = infoOf(arch);
        BUILD_OR_FAIL(model, info.name, 10);
        model->eval();
        const auto before = stateOf(*model);
        const auto oldHead = model->head();

        model->replaceHead(3);
        QCOMPARE(model->numClasses(), int64_t{3});
        QCOMPARE(model->featureWidth(), info.featureWidth);
        QCOMPARE(model->headPath(), info.headPath);
        QVERIFY(model->head().get() != oldHead.get());
        const auto modules = model->named_modules();
        QVERIFY(modules[info.headPath].get() == model->head().get());

        const auto after = stateOf(*model);
        QCOMPARE(after.size(), before.size());
        for (const auto& [key, tensor] : before) {
            QVERIFY2(after.contains(key), key.c_str());
            // Inception may resize AuxLogits.fc with the head, as torchvision's num_classes does.
            if (isUnder(key, info.headPath) || isUnusedBranch(key)) {
                continue;
            }
            // Everything but the head is the very same tensor, untouched.
            QVERIFY2(after.at(key).is_same(tensor), key.c_str());
        }
        const auto weight = after.at(info.headPath + ".weight");
        const auto bias = after.at(info.headPath + ".bias");
        QCOMPARE(weight.sizes().vec(), (std::vector<int64_t>{3, info.featureWidth}));
        QCOMPARE(bias.sizes().vec(), (std::vector<int64_t>{3}));
        QVERIFY(weight.requires_grad() && bias.requires_grad());
        QVERIFY(torch::isfinite(weight).all().item<bool>());
        QVERIFY2(weight.std().item<double>() > 0.0, "the new head is not initialised");
        bool registered = false;
        for (const auto& p : model->parameters()) {
            registered = registered || p.is_same(weight);
        }
        QVERIFY2(registered, "the new head's weight is not among the module's parameters");

        torch::NoGradGuard noGrad;
        const int size = smallSizeFor(info);
        const auto logits = model->forward(tstudio::test::deterministicInput({1, 3, size, size}));
        QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{1, 3}));
    }

    // Training mode with a batch of 2 (BatchNorm's batch statistics): every trainable parameter
    // gets a finite gradient, and BatchNorm counts the batch as torchvision does.
    void trainModeBackward_data() { addArchRows(); }
    void trainModeBackward() {
        QFETCH(QString, arch);
        const auto& info = infoOf(arch);
        BUILD_OR_FAIL(model, info.name, 10);
        model->train();
        const int size = smallSizeFor(info);
        const auto logits = model->forward(tstudio::test::deterministicInput({2, 3, size, size}));
        QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{2, 10}));
        const auto loss = torch::nn::functional::cross_entropy(logits, torch::tensor({1, 7}));
        QVERIFY(std::isfinite(loss.item<double>()));
        loss.backward();

        std::vector<std::string> noGradient;
        for (const auto& item : model->named_parameters()) {
            if (isUnusedBranch(item.key())) {
                continue;
            }
            const auto& grad = item.value().grad();
            if (!grad.defined() || !torch::isfinite(grad).all().item<bool>()) {
                noGradient.push_back(item.key());
            }
        }
        QVERIFY2(noGradient.empty(),
                 qPrintable(QStringLiteral("no finite gradient: ") + joinFirst(noGradient)));
        for (const auto& item : model->named_buffers()) {
            if (item.key().ends_with("num_batches_tracked") && !isUnusedBranch(item.key())) {
                QVERIFY2(item.value().item<int64_t>() == 1, item.key().c_str());
            }
        }
    }

private:
    std::string m_sizeModelName;
    models::Backbone m_sizeModel{nullptr};
};

QTEST_GUILESS_MAIN(TestBackboneStructure)
#include "tst_backbone_structure.moc"
