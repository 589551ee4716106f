// torchvision's mobilenet_v3_large and mobilenet_v3_small (width 1.0) as a NetworkGraph.

#include "core/graph/architecture_graphs.h"

#include <array>

namespace tstudio::graph {

namespace {

constexpr double kEps = 1e-3; // MobileNetV3's BatchNorm

/** Per inverted residual (features.1, ...): torchvision's bneck_conf stride and activation,
    which no key records (the kernel, expansion and squeeze-excitation are read from the keys). */
struct BlockConfig {
    std::int64_t stride;
    bool hardswish;
};

constexpr std::array<BlockConfig, 15> kLarge{{{1, false},
                                              {2, false},
                                              {1, false},
                                              {2, false},
                                              {1, false},
                                              {1, false},
                                              {2, true},
                                              {1, true},
                                              {1, true},
                                              {1, true},
                                              {1, true},
                                              {1, true},
                                              {2, true},
                                              {1, true},
                                              {1, true}}};
constexpr std::array<BlockConfig, 11> kSmall{{{2, false},
                                              {2, false},
                                              {1, false},
                                              {2, true},
                                              {1, true},
                                              {1, true},
                                              {1, true},
                                              {1, true},
                                              {2, true},
                                              {1, true},
                                              {1, true}}};

std::string layer(const std::string& blockPrefix, int index) {
    std::string text = blockPrefix;
    text += std::to_string(index);
    return text;
}

template <std::size_t N>
GraphValue blocks(NetworkGraph& graph, GraphValue images,
                  const std::array<BlockConfig, N>& config) {
    GraphValue x = convBnActivation(graph, images, "features.0.0", "features.0.1", /*stride=*/2,
                                    /*groups=*/1, kEps, Activation::Hardswish);
    std::int64_t channels = graph.parameter("features.0.0.weight").size(0);
    for (std::size_t i = 0; i < N; ++i) {
        std::string prefix = "features.";
        prefix += std::to_string(i + 1);
        prefix += ".block.";
        const Activation activation =
            config[i].hardswish ? Activation::Hardswish : Activation::ReLU;
        const torch::Tensor& first = graph.parameter(key(prefix, "0.0.weight"));
        // Without expansion (expanded == in) the block starts with the depthwise conv.
        const bool expands = !isDepthwise(first);
        int index = 0;
        GraphValue out = x;
        if (expands) {
            out = convBnActivation(graph, out, layer(prefix, 0) + ".0", layer(prefix, 0) + ".1", 1,
                                   1, kEps, activation);
            index = 1;
        }
        const std::string depthwise = layer(prefix, index);
        const std::int64_t expanded = graph.parameter(depthwise + ".0.weight").size(0);
        out = convBnActivation(graph, out, depthwise + ".0", depthwise + ".1", config[i].stride,
                               expanded, kEps, activation);
        ++index;
        if (graph.has(layer(prefix, index) + ".fc1.weight")) {
            out = squeezeExcitation(graph, out, layer(prefix, index), /*siluSigmoid=*/false);
            ++index;
        }
        const std::string project = layer(prefix, index);
        out = convBnActivation(graph, out, project + ".0", project + ".1", 1, 1, kEps,
                               Activation::None);
        const std::int64_t outChannels = graph.parameter(project + ".0.weight").size(0);
        x = config[i].stride == 1 && channels == outChannels ? graph.add(out, x) : out;
        channels = outChannels;
    }
    std::string last = "features.";
    last += std::to_string(N + 1);
    return convBnActivation(graph, x, last + ".0", last + ".1", 1, 1, kEps, Activation::Hardswish);
}

} // namespace

GraphValue mobileNetV3LargeBlocks(NetworkGraph& graph, GraphValue images) {
    return blocks(graph, images, kLarge);
}

GraphValue mobileNetV3SmallBlocks(NetworkGraph& graph, GraphValue images) {
    return blocks(graph, images, kSmall);
}

GraphValue mobileNetV3Neck(NetworkGraph& graph, GraphValue features) {
    // Pooling, classifier.0 with Hardswish, then Dropout (nothing in eval mode).
    return graph.hardswish(graph.linear(averagePoolNeck(graph, features), "classifier.0"));
}

} // namespace tstudio::graph
