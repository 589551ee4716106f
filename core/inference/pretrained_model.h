#pragma once

// Private to core (torch types): what ImageClassifier and FeatureExtractor share.

#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/common/result.h"
#include "core/graph/backbone_graph.h"
#include "core/graph/fastest_forward.h"
#include "core/imaging/eval_transform.h"
#include "core/inference/model_spec.h"
#include "core/models/backbone.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::inference {

/** A backbone with its weights loaded, in eval mode, on its device. */
struct PretrainedModel {
    models::Backbone net{nullptr};
    const models::BackboneInfo* info = nullptr;
    torch::Device device{torch::kCPU};
    imaging::EvalTransform transform;
    std::filesystem::path weightsPath;
    /// The network's weights and its inputs are channels-last (NHWC), as a training run's are by
    /// default: MobileNetV2's forward pass ran 1.6x faster so on this CPU (batch 16, 2 threads).
    bool channelsLast = true;
};

/**
 * The model's forward from a prepared batch to end (its own logits, or the neck: the head's
 * input), run the faster of eager and the frozen, optimized graph (core/graph/fastest_forward.h).
 * Holds its own reference to the network; use it on the thread that uses the model.
 */
graph::FastestForward fastestForward(const PretrainedModel& model, graph::BackboneEnd end);

/** "cpu", "cuda" or "cuda:N"; fails for anything else and when CUDA is not available. */
Result<torch::Device> parseDevice(const std::string& name);

/**
 * Resolves the weights (spec.weights, else the official file in the hub cache, else fails with
 * weights::howToGetWeights), builds the backbone with as many outputs as the file's head has,
 * loads the file strictly, switches to eval() and moves to the device. Also sets LibTorch's
 * thread count to the usable cores. Any thread; the model is then used by one thread at a time.
 */
Result<PretrainedModel> loadPretrained(const ModelSpec& spec);

/**
 * Decodes and preprocesses images into one [N, 3, S, S] batch on the model's device. Images that
 * cannot be decoded are left out and reported in failed (messages name the files); kept says
 * which inputs made it, in order.
 */
struct ImageBatch {
    torch::Tensor input;
    std::vector<std::size_t> kept;
    std::vector<Error> failed;
};
ImageBatch prepareBatch(const PretrainedModel& model,
                        const std::vector<std::filesystem::path>& paths);

} // namespace tstudio::inference
