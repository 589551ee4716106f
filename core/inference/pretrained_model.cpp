#include "core/inference/pretrained_model.h"

#include <optional>
#include <string_view>

#include "core/common/parse_number.h"
#include "core/common/threads.h"
#include "core/imaging/image_decoder.h"
#include "core/imaging/preprocess.h"
#include "core/inference/memory_format.h"
#include "core/models/factory.h"
#include "core/models/registry.h"
#include "core/weights/hub_cache.h"
#include "core/weights/state_dict.h"

namespace tstudio::inference {

namespace {

/** The head's output count recorded in the file, so fine-tuned checkpoints load too. */
int64_t headOutputs(const weights::StateDict& dict, const std::string& headPath) {
    const std::string key = headPath + ".weight";
    for (const auto& [name, tensor] : dict) {
        if (name == key && tensor.dim() == 2) {
            return tensor.size(0);
        }
    }
    return 1000;
}

} // namespace

Result<torch::Device> parseDevice(const std::string& name) {
    if (name.empty() || name == "cpu") {
        return torch::Device(torch::kCPU);
    }
    if (name != "cuda" && !name.starts_with("cuda:")) {
        return fail("Unknown device \"" + name + "\": use cpu, cuda or cuda:N");
    }
    int index = 0;
    if (name.size() > 5) {
        const std::optional<int> parsed = parseNumber<int>(std::string_view(name).substr(5));
        if (!parsed || *parsed < 0) {
            return fail("Unknown device \"" + name + "\": use cpu, cuda or cuda:N");
        }
        index = *parsed;
    }
    if (!torch::cuda::is_available()) {
        return fail(ErrorKind::DeviceUnavailable,
                    "Device \"" + name +
                        "\" was asked for, but CUDA is not available: this "
                        "LibTorch is a CPU-only build or no NVIDIA GPU/driver is present. Use "
                        "--device cpu.");
    }
    const auto count = static_cast<int>(torch::cuda::device_count());
    if (index >= count) {
        return fail(ErrorKind::DeviceUnavailable,
                    "Device \"" + name + "\" does not exist: " + std::to_string(count) +
                        " CUDA device(s) visible");
    }
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
}

Result<PretrainedModel> loadPretrained(const ModelSpec& spec) {
    const models::BackboneInfo* info = models::findBackbone(spec.arch);
    if (info == nullptr) {
        return fail("Unknown architecture \"" + spec.arch +
                    "\"; known: " + models::knownBackboneNames());
    }
    if (spec.inputSize != 0 && (spec.inputSize < info->minInputSize || spec.inputSize > 2048)) {
        return fail("Input size " + std::to_string(spec.inputSize) + " does not suit " +
                    info->displayName + ": use " + std::to_string(info->minInputSize) +
                    " to 2048 (default " + std::to_string(info->defaultInputSize) + ")");
    }
    Result<torch::Device> device = parseDevice(spec.device);
    if (!device) {
        return device.error();
    }
    std::filesystem::path weightsPath = spec.weights;
    if (weightsPath.empty()) {
        const auto cached = weights::cachedOfficialWeights(*info);
        if (!cached) {
            return fail(weights::howToGetWeights(*info));
        }
        weightsPath = *cached;
    }
    Result<weights::StateDict> dict = weights::readStateDict(weightsPath);
    if (!dict) {
        return dict.error();
    }
    Result<models::Backbone> net =
        models::createBackbone(info->name, headOutputs(*dict, info->headPath));
    if (!net) {
        return net.error();
    }
    Result<weights::LoadReport> report = weights::loadStateDict(
        **net, *dict, weights::LoadPolicy::Strict, (*net)->optionalModulePaths());
    if (!report) {
        return fail(weightsPath.string() + " does not hold " + info->displayName +
                    " weights: " + report.message());
    }
    useAllCores();
    PretrainedModel model;
    model.net = *net;
    model.net->eval();
    model.net->to(*device);
    if (model.channelsLast) {
        toChannelsLast(*model.net);
    }
    model.info = info;
    model.device = *device;
    model.transform = imaging::EvalTransform::forBackbone(*info, spec.inputSize);
    model.weightsPath = weightsPath;
    return model;
}

graph::FastestForward fastestForward(const PretrainedModel& model, graph::BackboneEnd end) {
    models::Backbone net = model.net;
    graph::Forward eager = [net, end](const torch::Tensor& input) mutable {
        if (end == graph::BackboneEnd::Logits) {
            return net->forward(input);
        }
        const int blocks = static_cast<int>(net->blockNames().size());
        torch::Tensor x = net->forwardBlocks(input, 0, blocks);
        return end == graph::BackboneEnd::Neck ? net->forwardNeck(x) : x;
    };
    if (!graph::hasGraph(*model.info)) {
        return graph::FastestForward(std::move(eager));
    }
    const models::BackboneInfo& info = *model.info;
    const int inputSize = model.transform.cropSize;
    std::string key = info.name;
    key += end == graph::BackboneEnd::Logits ? "/logits/"
           : end == graph::BackboneEnd::Neck ? "/neck/"
                                             : "/blocks/";
    key += std::to_string(inputSize);
    graph::ScriptBuilder script = [net, &info, inputSize, end]() mutable {
        return graph::scriptBackbone(*net, info, inputSize, end);
    };
    return graph::FastestForward(std::move(key), std::move(eager), std::move(script));
}

ImageBatch prepareBatch(const PretrainedModel& model,
                        const std::vector<std::filesystem::path>& paths) {
    ImageBatch batch;
    std::vector<torch::Tensor> inputs;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        Result<imaging::RgbImage> image = imaging::decodeImage(paths[i]);
        if (!image) {
            batch.failed.push_back(image.error());
            continue;
        }
        inputs.push_back(imaging::preprocessForEval(*image, model.transform));
        batch.kept.push_back(i);
    }
    if (!inputs.empty()) {
        batch.input = networkInput(torch::stack(inputs), model.device, model.channelsLast);
    }
    return batch;
}

} // namespace tstudio::inference
