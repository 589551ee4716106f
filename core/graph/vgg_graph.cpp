// torchvision's vgg16, vgg16_bn and vgg19 as a NetworkGraph.

#include "core/graph/architecture_graphs.h"

namespace tstudio::graph {

namespace {

constexpr double kEps = 1e-5;

std::string feature(int index, const char* name) {
    std::string text = "features.";
    text += std::to_string(index);
    text += name;
    return text;
}

bool isConv(const NetworkGraph& graph, int index) {
    const std::string weight = feature(index, ".weight");
    return graph.has(weight) && graph.parameter(weight).dim() == 4;
}

} // namespace

GraphValue vggBlocks(NetworkGraph& graph, GraphValue images) {
    int lastConv = 0;
    for (int index = 0; graph.has(feature(index, ".weight")) || index <= lastConv + 4; ++index) {
        if (isConv(graph, index)) {
            lastConv = index;
        }
    }
    // features is torchvision's cfg unrolled: conv [BatchNorm] ReLU per number, MaxPool per
    // "M". Only convs and norms hold keys, so a module without keys that does not follow one of
    // them is a MaxPool; the last MaxPool follows the last conv's ReLU.
    GraphValue x = images;
    PoolOptions halve;
    halve.kernel = 2;
    halve.stride = 2;
    for (int index = 0; index <= lastConv;) {
        if (!isConv(graph, index)) {
            x = graph.maxPool(x, halve);
            ++index;
            continue;
        }
        ConvOptions options;
        options.padding = 1;
        x = graph.conv2d(x, feature(index, ""), options);
        ++index;
        if (graph.has(feature(index, ".running_mean"))) {
            x = graph.batchNorm(x, feature(index, ""), kEps);
            ++index;
        }
        x = graph.relu(x);
        ++index;
    }
    return graph.maxPool(x, halve);
}

GraphValue vggNeck(NetworkGraph& graph, GraphValue features) {
    // The last map is the input halved five times (floor each time), always pooled to 7x7;
    // the classifier's Dropouts do nothing in eval mode.
    std::int64_t size = graph.inputSize();
    for (int i = 0; i < 5; ++i) {
        size /= 2;
    }
    GraphValue x = graph.flatten(graph.adaptiveAvgPool(features, size, 7));
    x = graph.relu(graph.linear(x, "classifier.0"));
    return graph.relu(graph.linear(x, "classifier.3"));
}

} // namespace tstudio::graph
