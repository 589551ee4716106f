// torchvision's densenet121/161/169/201 as a NetworkGraph.

#include "core/graph/architecture_graphs.h"

namespace tstudio::graph {

namespace {

constexpr double kEps = 1e-5;

/** BatchNorm, ReLU, conv: DenseNet's pre-activation order. */
GraphValue normReluConv(NetworkGraph& graph, GraphValue x, const std::string& norm,
                        const std::string& conv) {
    x = graph.relu(graph.batchNorm(x, norm, kEps));
    ConvOptions options;
    options.padding = (graph.parameter(conv + ".weight").size(2) - 1) / 2;
    return graph.conv2d(x, conv, options);
}

/** Each layer sees the concatenation of the block's input and every earlier layer's output. */
GraphValue denseBlock(NetworkGraph& graph, GraphValue x, const std::string& prefix) {
    std::vector<GraphValue> features{x};
    for (int layer = 1;; ++layer) {
        std::string layerPrefix = prefix;
        layerPrefix += ".denselayer";
        layerPrefix += std::to_string(layer);
        if (!graph.has(key(layerPrefix, ".conv1.weight"))) {
            break;
        }
        const GraphValue input = features.size() == 1 ? features.front() : graph.cat(features);
        GraphValue out =
            normReluConv(graph, input, key(layerPrefix, ".norm1"), key(layerPrefix, ".conv1"));
        out = normReluConv(graph, out, key(layerPrefix, ".norm2"), key(layerPrefix, ".conv2"));
        features.push_back(out);
    }
    return graph.cat(features);
}

} // namespace

GraphValue denseNetBlocks(NetworkGraph& graph, GraphValue images) {
    ConvOptions stem;
    stem.stride = 2;
    stem.padding = 3;
    GraphValue x = graph.conv2d(images, "features.conv0", stem);
    x = graph.relu(graph.batchNorm(x, "features.norm0", kEps));
    PoolOptions pool;
    pool.kernel = 3;
    pool.stride = 2;
    pool.padding = 1;
    x = graph.maxPool(x, pool);
    for (int block = 1;; ++block) {
        std::string prefix = "features.denseblock";
        prefix += std::to_string(block);
        if (!graph.has(key(prefix, ".denselayer1.conv1.weight"))) {
            break;
        }
        x = denseBlock(graph, x, prefix);
        std::string transition = "features.transition";
        transition += std::to_string(block);
        if (graph.has(key(transition, ".conv.weight"))) {
            x = normReluConv(graph, x, key(transition, ".norm"), key(transition, ".conv"));
            PoolOptions halve;
            halve.kernel = 2;
            halve.stride = 2;
            x = graph.avgPool(x, halve);
        }
    }
    return graph.batchNorm(x, "features.norm5", kEps);
}

GraphValue denseNetNeck(NetworkGraph& graph, GraphValue features) {
    return averagePoolNeck(graph, graph.relu(features));
}

} // namespace tstudio::graph
