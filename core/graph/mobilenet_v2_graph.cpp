// torchvision's mobilenet_v2 (width 1.0) as a NetworkGraph.

#include "core/graph/architecture_graphs.h"

namespace tstudio::graph {

namespace {

constexpr double kEps = 1e-5;

/** Whether features.<index> (an inverted residual) starts a stage of stride 2: torchvision's
    inverted_residual_setting, which no key records. */
bool stridesDown(int index) {
    return index == 2 || index == 4 || index == 7 || index == 14;
}

} // namespace

GraphValue mobileNetV2Blocks(NetworkGraph& graph, GraphValue images) {
    GraphValue x = convBnActivation(graph, images, "features.0.0", "features.0.1", /*stride=*/2,
                                    /*groups=*/1, kEps, Activation::ReLU6);
    std::int64_t channels = graph.parameter("features.0.0.weight").size(0);
    int index = 1;
    for (;; ++index) {
        std::string prefix = "features.";
        prefix += std::to_string(index);
        prefix += ".conv.";
        if (!graph.has(key(prefix, "0.0.weight"))) {
            break;
        }
        const std::int64_t stride = stridesDown(index) ? 2 : 1;
        // With expansion: conv.0 expands (1x1), conv.1 is the depthwise 3x3, conv.2/3 project.
        // Without (expand ratio 1): conv.0 is the depthwise, conv.1/2 project.
        const bool expands = graph.has(key(prefix, "1.0.weight"));
        GraphValue out = x;
        int next = 0;
        if (expands) {
            out = convBnActivation(graph, out, key(prefix, "0.0"), key(prefix, "0.1"), 1, 1, kEps,
                                   Activation::ReLU6);
            next = 1;
        }
        std::string depthwise = prefix;
        depthwise += std::to_string(next);
        const std::int64_t hidden = graph.parameter(key(depthwise, ".0.weight")).size(0);
        out = convBnActivation(graph, out, key(depthwise, ".0"), key(depthwise, ".1"), stride,
                               hidden, kEps, Activation::ReLU6);
        std::string project = prefix;
        project += std::to_string(next + 1);
        std::string projectNorm = prefix;
        projectNorm += std::to_string(next + 2);
        out = convBnActivation(graph, out, project, projectNorm, 1, 1, kEps, Activation::None);
        const std::int64_t outChannels = graph.parameter(key(project, ".weight")).size(0);
        x = stride == 1 && channels == outChannels ? graph.add(x, out) : out;
        channels = outChannels;
    }
    std::string last = "features.";
    last += std::to_string(index);
    return convBnActivation(graph, x, key(last, ".0"), key(last, ".1"), 1, 1, kEps,
                            Activation::ReLU6);
}

} // namespace tstudio::graph
