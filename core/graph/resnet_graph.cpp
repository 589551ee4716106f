// torchvision's ResNet (v1.5: the stride on the 3x3 conv) as a NetworkGraph.

#include "core/graph/architecture_graphs.h"

namespace tstudio::graph {

namespace {

constexpr double kEps = 1e-5;

/** BasicBlock (conv1, conv2) or Bottleneck (conv1 1x1, conv2 3x3 with the stride, conv3). */
GraphValue residualBlock(NetworkGraph& graph, GraphValue x, const std::string& prefix,
                         std::int64_t stride) {
    const bool bottleneck = graph.has(key(prefix, "conv3.weight"));
    GraphValue out;
    if (bottleneck) {
        out = convBnActivation(graph, x, key(prefix, "conv1"), key(prefix, "bn1"), 1, 1, kEps,
                               Activation::ReLU);
        out = convBnActivation(graph, out, key(prefix, "conv2"), key(prefix, "bn2"), stride, 1,
                               kEps, Activation::ReLU);
        out = convBnActivation(graph, out, key(prefix, "conv3"), key(prefix, "bn3"), 1, 1, kEps,
                               Activation::None);
    } else {
        out = convBnActivation(graph, x, key(prefix, "conv1"), key(prefix, "bn1"), stride, 1, kEps,
                               Activation::ReLU);
        out = convBnActivation(graph, out, key(prefix, "conv2"), key(prefix, "bn2"), 1, 1, kEps,
                               Activation::None);
    }
    GraphValue identity = x;
    if (graph.has(key(prefix, "downsample.0.weight"))) {
        identity = convBnActivation(graph, x, key(prefix, "downsample.0"),
                                    key(prefix, "downsample.1"), stride, 1, kEps, Activation::None);
    }
    return graph.relu(graph.add(out, identity));
}

} // namespace

GraphValue resNetBlocks(NetworkGraph& graph, GraphValue images) {
    GraphValue x = convBnActivation(graph, images, "conv1", "bn1", /*stride=*/2, /*groups=*/1, kEps,
                                    Activation::ReLU);
    PoolOptions pool;
    pool.kernel = 3;
    pool.stride = 2;
    pool.padding = 1;
    x = graph.maxPool(x, pool);
    for (int layer = 1; layer <= 4; ++layer) {
        std::string layerPrefix = "layer";
        layerPrefix += std::to_string(layer);
        layerPrefix += ".";
        for (int block = 0;; ++block) {
            std::string prefix = layerPrefix;
            prefix += std::to_string(block);
            prefix += ".";
            if (!graph.has(key(prefix, "conv1.weight"))) {
                break;
            }
            const std::int64_t stride = layer > 1 && block == 0 ? 2 : 1;
            x = residualBlock(graph, x, prefix, stride);
        }
    }
    return x;
}

} // namespace tstudio::graph
