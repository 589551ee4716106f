#include "core/export/export_verification.h"

#include "core/models/factory.h"
#include "core/models/registry.h"
#include "core/models/seeded_random.h"
#include "core/weights/state_dict.h"

namespace tstudio::modelexport {

namespace {

constexpr int kInputs = 3;
constexpr std::uint64_t kInputSeed = 20240613;

/** Logits of the fresh network built from the file. */
Result<torch::Tensor> reloadedLogits(const weights::StateDict& dict, const torch::Tensor& inputs,
                                     const training::TrainingConfig& config, int numClasses,
                                     const TorchvisionLayout& layout) {
    if (layout.compatibility.loadsStrictly) {
        auto backbone = models::createBackbone(config.arch, numClasses, config.seed);
        if (!backbone) {
            return backbone.error();
        }
        auto report =
            weights::loadStateDict(**backbone, dict, weights::LoadPolicy::Strict, layout.leftOut);
        if (!report) {
            return fail("the written file does not load into " + layout.compatibility.constructor +
                        "'s layout: " + report.message());
        }
        (*backbone)->eval();
        return (*backbone)->forward(inputs);
    }
    training::TrainingConfig fresh = config;
    fresh.fromScratch = true;
    auto net = training::TransferNet::create(fresh, numClasses);
    if (!net) {
        return net.error();
    }
    if (auto status = net->loadState(dict); !status) {
        return fail("the written file does not load back into the network: " + status.message());
    }
    net->train(false);
    return net->forward(inputs);
}

} // namespace

Result<Verification> verifyExport(const std::filesystem::path& written,
                                  training::TransferNet& original,
                                  const training::TrainingConfig& config, int numClasses,
                                  const TorchvisionLayout& layout) {
    auto dict = weights::readStateDict(written);
    if (!dict) {
        return dict.error();
    }
    torch::Tensor inputs;
    {
        models::SeededRandomScope random(kInputSeed);
        inputs = torch::randn({kInputs, 3, original.inputSize(), original.inputSize()});
    }
    torch::NoGradGuard noGrad;
    original.train(false);
    const torch::Tensor expected = original.forward(inputs);
    auto logits = reloadedLogits(*dict, inputs, config, numClasses, layout);
    if (!logits) {
        return logits.error();
    }
    if (logits->sizes() != expected.sizes()) {
        return fail("the reloaded network gives logits of another shape");
    }
    Verification verification;
    verification.inputs = kInputs;
    verification.maxAbsDifference = (*logits - expected).abs().max().item<double>();
    return verification;
}

} // namespace tstudio::modelexport
