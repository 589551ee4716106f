// torchvision's convnext_tiny as a NetworkGraph.

#include "core/graph/architecture_graphs.h"

namespace tstudio::graph {

namespace {

constexpr double kNormEps = 1e-6;

/** torchvision.models.convnext.CNBlock: depthwise 7x7, LayerNorm, Linear 4x, GELU, Linear,
    layer scale, residual (stochastic depth is nothing in eval mode). */
GraphValue cnBlock(NetworkGraph& graph, GraphValue x, const std::string& prefix) {
    ConvOptions depthwise;
    depthwise.padding = 3;
    depthwise.groups = graph.parameter(key(prefix, ".block.0.weight")).size(0);
    GraphValue out = graph.conv2d(x, key(prefix, ".block.0"), depthwise);
    out = graph.channelLayerNorm(out, key(prefix, ".block.2"), kNormEps);
    out = graph.gelu(graph.channelLinear(out, key(prefix, ".block.3")));
    out = graph.channelLinear(out, key(prefix, ".block.5"));
    out = graph.channelScale(out, key(prefix, ".layer_scale"));
    return graph.add(out, x);
}

/** A conv with bias and no padding whose kernel is its stride (the patchify stem, the
    downsampling between stages). */
GraphValue patchConv(NetworkGraph& graph, GraphValue x, const std::string& prefix) {
    ConvOptions options;
    options.stride = graph.parameter(key(prefix, ".weight")).size(2);
    return graph.conv2d(x, prefix, options);
}

} // namespace

GraphValue convNeXtBlocks(NetworkGraph& graph, GraphValue images) {
    GraphValue x = patchConv(graph, images, "features.0.0");
    x = graph.channelLayerNorm(x, "features.0.1", kNormEps);
    for (int index = 1;; ++index) {
        std::string prefix = "features.";
        prefix += std::to_string(index);
        if (graph.has(key(prefix, ".0.block.0.weight"))) {
            for (int block = 0;; ++block) {
                std::string blockPrefix = prefix;
                blockPrefix += ".";
                blockPrefix += std::to_string(block);
                if (!graph.has(key(blockPrefix, ".block.0.weight"))) {
                    break;
                }
                x = cnBlock(graph, x, blockPrefix);
            }
        } else if (graph.has(key(prefix, ".1.weight"))) {
            x = graph.channelLayerNorm(x, key(prefix, ".0"), kNormEps);
            x = patchConv(graph, x, key(prefix, ".1"));
        } else {
            return x;
        }
    }
}

GraphValue convNeXtNeck(NetworkGraph& graph, GraphValue features) {
    // Pooling, then classifier.0 (LayerNorm2d) and classifier.1 (Flatten).
    GraphValue x = graph.globalAvgPool(features);
    x = graph.channelLayerNorm(x, "classifier.0", kNormEps);
    return graph.flatten(x);
}

} // namespace tstudio::graph
