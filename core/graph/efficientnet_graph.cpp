// torchvision's efficientnet_b0 as a NetworkGraph.

#include "core/graph/architecture_graphs.h"

#include <array>

namespace tstudio::graph {

namespace {

constexpr double kEps = 1e-5; // B0's BatchNorm: torch's default (only V2 uses 1e-3)

/** The stride of each stage's first MBConv (features.1 .. features.7): torchvision's
    _efficientnet_conf, which no key records. Stochastic depth is nothing in eval mode. */
constexpr std::array<std::int64_t, 7> kStageStrides{1, 2, 2, 2, 1, 2, 1};

std::string part(const std::string& prefix, int index) {
    std::string text = prefix;
    text += std::to_string(index);
    return text;
}

/** torchvision.models.efficientnet.MBConv: [expand 1x1], depthwise, SE, project 1x1. */
GraphValue mbConv(NetworkGraph& graph, GraphValue x, const std::string& prefix, std::int64_t stride,
                  std::int64_t& channels) {
    const bool expands = !isDepthwise(graph.parameter(key(prefix, "0.0.weight")));
    int index = 0;
    GraphValue out = x;
    if (expands) {
        out = convBnActivation(graph, out, key(prefix, "0.0"), key(prefix, "0.1"), 1, 1, kEps,
                               Activation::SiLU);
        index = 1;
    }
    const std::string depthwise = part(prefix, index);
    const std::int64_t expanded = graph.parameter(key(depthwise, ".0.weight")).size(0);
    out = convBnActivation(graph, out, key(depthwise, ".0"), key(depthwise, ".1"), stride, expanded,
                           kEps, Activation::SiLU);
    out = squeezeExcitation(graph, out, part(prefix, index + 1), /*siluSigmoid=*/true);
    const std::string project = part(prefix, index + 2);
    out = convBnActivation(graph, out, key(project, ".0"), key(project, ".1"), 1, 1, kEps,
                           Activation::None);
    const std::int64_t outChannels = graph.parameter(key(project, ".0.weight")).size(0);
    const bool residual = stride == 1 && channels == outChannels;
    channels = outChannels;
    return residual ? graph.add(out, x) : out;
}

} // namespace

GraphValue efficientNetB0Blocks(NetworkGraph& graph, GraphValue images) {
    GraphValue x = convBnActivation(graph, images, "features.0.0", "features.0.1", /*stride=*/2,
                                    /*groups=*/1, kEps, Activation::SiLU);
    std::int64_t channels = graph.parameter("features.0.0.weight").size(0);
    for (std::size_t stage = 0; stage < kStageStrides.size(); ++stage) {
        std::string stagePrefix = "features.";
        stagePrefix += std::to_string(stage + 1);
        stagePrefix += ".";
        for (int block = 0;; ++block) {
            std::string prefix = part(stagePrefix, block);
            prefix += ".block.";
            if (!graph.has(key(prefix, "0.0.weight"))) {
                break;
            }
            x = mbConv(graph, x, prefix, block == 0 ? kStageStrides[stage] : 1, channels);
        }
    }
    std::string last = "features.";
    last += std::to_string(kStageStrides.size() + 1);
    return convBnActivation(graph, x, key(last, ".0"), key(last, ".1"), 1, 1, kEps,
                            Activation::SiLU);
}

} // namespace tstudio::graph
