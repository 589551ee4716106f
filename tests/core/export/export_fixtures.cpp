#include "export_fixtures.h"

#include <QTest>

#include "core/models/registry.h"
#include "core/models/seeded_random.h"
#include "core/training/bundle_writer.h"
#include "core/training/metrics.h"
#include "core/training/transfer_net.h"

namespace tstudio::test {

const std::vector<std::string>& bundleClasses() {
    static const std::vector<std::string> classes{"ant", "bee", "wasp"};
    return classes;
}

MadeBundle makeBundle(const std::filesystem::path& dir, const std::string& arch,
                      const std::string& head, int inputSize, bool calibrateNorms) {
    const models::BackboneInfo* backbone = models::findBackbone(arch);
    if (backbone == nullptr) {
        qFatal("unknown arch %s", arch.c_str());
    }
    training::TrainingConfig config;
    config.arch = arch;
    config.fromScratch = true;
    config.inputSize = inputSize == 0 ? backbone->minInputSize : inputSize;
    config.head = *training::parseHeadSpec(head);
    config.seed = 7;
    auto net = training::TransferNet::create(config, static_cast<int>(bundleClasses().size()));
    if (!net) {
        qFatal("%s", net.message().c_str());
    }
    MadeBundle made;
    {
        models::SeededRandomScope random(11);
        torch::NoGradGuard noGrad;
        for (auto& [name, tensor] : net->stateDict()) {
            if (!tensor.is_floating_point()) {
                continue;
            }
            if (name.ends_with("running_var")) {
                tensor.uniform_(0.5, 1.5);
            } else {
                tensor.add_(torch::randn_like(tensor) * 0.02);
            }
        }
        if (calibrateNorms) {
            // Momentum 1: one train-mode pass leaves each running statistic at its batch's.
            for (const auto& module : net->backbone()->modules()) {
                if (auto* norm = module->as<torch::nn::BatchNorm2d>()) {
                    norm->options.momentum(1.0);
                }
            }
            net->train(true);
            net->forward(torch::randn({8, 3, config.inputSize, config.inputSize}));
        }
        made.inputs = torch::randn({2, 3, config.inputSize, config.inputSize});
        net->train(false);
        made.logits = net->forward(made.inputs);
    }
    training::BundleInfo info;
    info.config = config;
    info.classes = bundleClasses();
    info.preprocessing = imaging::EvalTransform::forBackbone(*backbone, config.inputSize);
    training::EpochMetrics epoch;
    epoch.trainLoss = 0.9;
    epoch.trainAccuracy = 0.6;
    epoch.valLoss = 0.8;
    epoch.valAccuracy = 7.0 / 9.0;
    info.history.push_back(epoch);
    info.createdAt = "2026-12-01T12:00:00Z";
    info.imagesPerClass = training::ImagesPerClass{{12, 10, 8}, {3, 4, 2}, {0, 1, 0}};
    // The 9 validation images of epoch 1 (3 ants, 4 bees, 2 wasps), 7 right.
    training::BundleValidation validation;
    validation.epoch = 1;
    validation.result.count = 9;
    validation.result.loss = 0.8;
    validation.result.confusion = {{2, 1, 0}, {0, 3, 1}, {0, 0, 2}};
    training::fillFromConfusion(validation.result);
    info.validation = validation;
    made.path = dir / (arch + ".tsmodel");
    if (auto status = training::writeBundle(made.path, *net, info); !status) {
        qFatal("%s", status.message().c_str());
    }
    return made;
}

} // namespace tstudio::test
