#pragma once

// Private to core (torch types): a frozen network run the faster of two ways. Eager modules
// (channels-last where the caller says so) are one; the same network written as TorchScript,
// frozen (weights become constants) and passed through torch::jit::optimize_for_inference
// (conv + batch norm + activation fused, weights prepacked) is the other. Which wins depends on
// the architecture and the machine: measured with Python on a 2-core CPU, MobileNetV2's graph
// ran 2.1-2.2x the eager forward, ResNet-50's 1.3x, but EfficientNet-B0's 0.73x and
// DenseNet-121's 0.61x. So both are measured once and the faster is kept.

#include <functional>
#include <optional>
#include <string>

#include <torch/script.h>

namespace tstudio::graph {

using Forward = std::function<torch::Tensor(const torch::Tensor&)>;
/** Builds the network's TorchScript module (eval mode, not yet frozen). */
using ScriptBuilder = std::function<torch::jit::Module()>;

/** What FastestForward runs and why: a sentence for the run log and the CLI. */
struct ForwardChoice {
    bool graph = false;    ///< the optimized graph runs; else the eager modules
    bool measured = false; ///< measured now; false where an earlier measurement was reused
    double eagerImagesPerSecond = 0.0;
    double graphImagesPerSecond = 0.0;
    double largestDifference = 0.0;
    std::string reason; ///< why eager was kept without measuring, or empty

    /** "frozen TorchScript graph: 238 images/s against 103 eager (largest difference
        9.7e-07)" and the like. */
    std::string text() const;
};

/**
 * module (eval mode) frozen and passed through torch::jit::optimize_for_inference. It is saved
 * and loaded again in memory first: LibTorch 1.13 folded a module assembled in memory
 * (TorchScriptGraph::build) wrongly, MobileNetV3's outputs off by up to 0.06 with or without
 * freeze's numeric optimizations, while the same module saved and loaded froze right (1e-7), as
 * a file exported and loaded in Python does. Throws c10::Error.
 */
torch::jit::Module optimizedModule(const torch::jit::Module& module);

/** How much the graph's outputs may differ from the eager ones: 1e-4 of the larger of 1 and
    the largest eager output. */
double allowedGraphDifference(const torch::Tensor& eagerOutput);

/**
 * The forward pass of a network that does not train (eval mode, no gradients). The first call
 * decides: it reuses the choice recorded for the key on this machine (forward_choice_cache.h),
 * else runs both ways on its batch (after one warm-up each, the better of two timed passes
 * each) and keeps the faster. The graph is kept only where its outputs equal the eager ones
 * within allowedGraphDifference; a graph that cannot be built leaves eager running. The
 * environment variable TSTUDIO_FORWARD=eager or =graph fixes the choice (benchmarks, checks).
 * Thread: one at a time.
 */
class FastestForward {
public:
    /** Eager only: for networks without a graph description. */
    explicit FastestForward(Forward eager);
    /** key names what runs ("mobilenet_v2/neck/224"); the device, thread count and LibTorch
        version are added to it. script may be empty (eager only). */
    FastestForward(std::string key, Forward eager, ScriptBuilder script);

    /** Runs the chosen way; may throw what the network throws (c10::Error). */
    torch::Tensor operator()(const torch::Tensor& input);

    /** Set by the first call where a graph was on offer. */
    const std::optional<ForwardChoice>& choice() const { return m_choice; }

private:
    torch::Tensor choose(const torch::Tensor& input);
    std::optional<torch::jit::Module> buildGraph();

    std::string m_key;
    Forward m_eager;
    ScriptBuilder m_script;
    std::optional<torch::jit::Module> m_graph;
    std::optional<ForwardChoice> m_choice;
};

} // namespace tstudio::graph
