#include "core/export/export_verification.h"

#include <algorithm>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <torch/script.h>

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

torch::Tensor seededInputs(int inputSize) {
    models::SeededRandomScope random(kInputSeed);
    return torch::randn({kInputs, 3, inputSize, inputSize});
}

/** The difference between logits and expected, or why they cannot be compared. */
Result<Verification> compare(const torch::Tensor& logits, const torch::Tensor& expected) {
    if (logits.sizes() != expected.sizes()) {
        return fail("the reloaded network gives logits of another shape");
    }
    Verification verification;
    verification.inputs = static_cast<int>(expected.size(0));
    verification.maxAbsDifference = (logits - expected).abs().max().item<double>();
    verification.logitScale = std::max(1.0, expected.abs().max().item<double>());
    return verification;
}

/** The first line of an exception's text (c10::Error's what() continues with a backtrace). */
std::string firstLine(const std::exception& error) {
    const std::string what = error.what();
    return what.substr(0, what.find('\n'));
}

} // namespace

Result<Verification> verifyTorchScript(const std::filesystem::path& written,
                                       training::TransferNet& original) {
    const torch::Tensor inputs = seededInputs(original.inputSize());
    torch::NoGradGuard noGrad;
    original.train(false);
    const torch::Tensor expected = original.forward(inputs);
    try {
        torch::jit::Module module = torch::jit::load(written.string());
        module.eval();
        return compare(module.forward({inputs}).toTensor(), expected);
    } catch (const std::exception& error) {
        return fail("torch::jit::load cannot run the written module: " + firstLine(error));
    }
}

Result<Verification> verifyOnnx(const std::filesystem::path& written,
                                training::TransferNet& original) {
    const torch::Tensor inputs = seededInputs(original.inputSize()).contiguous();
    torch::NoGradGuard noGrad;
    original.train(false);
    const torch::Tensor expected = original.forward(inputs);
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(written.string());
        const int sizes[] = {static_cast<int>(inputs.size(0)), 3, static_cast<int>(inputs.size(2)),
                             static_cast<int>(inputs.size(3))};
        const cv::Mat blob(4, sizes, CV_32F, inputs.data_ptr<float>());
        net.setInput(blob);
        cv::Mat output = net.forward();
        if (output.type() != CV_32F ||
            output.total() != static_cast<std::size_t>(expected.numel())) {
            return fail("OpenCV's DNN module gives logits of another shape");
        }
        output = output.isContinuous() ? output : output.clone();
        const torch::Tensor logits =
            torch::from_blob(output.ptr<float>(), expected.sizes(), torch::kFloat).clone();
        return compare(logits, expected);
    } catch (const cv::Exception& error) {
        return fail("OpenCV's DNN module cannot run the written model: " + error.msg);
    }
}

Result<Verification> verifyExport(const std::filesystem::path& written,
                                  training::TransferNet& original,
                                  const training::TrainingConfig& config, int numClasses,
                                  const TorchvisionLayout& layout) {
    auto dict = weights::readStateDict(written);
    if (!dict) {
        return dict.error();
    }
    const torch::Tensor inputs = seededInputs(original.inputSize());
    torch::NoGradGuard noGrad;
    original.train(false);
    const torch::Tensor expected = original.forward(inputs);
    auto logits = reloadedLogits(*dict, inputs, config, numClasses, layout);
    if (!logits) {
        return logits.error();
    }
    return compare(*logits, expected);
}

} // namespace tstudio::modelexport
