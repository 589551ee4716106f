#include "core/graph/architecture_graphs.h"

#include "core/models/registry.h"

namespace tstudio::graph {

std::string key(const std::string& prefix, std::string_view name) {
    std::string text = prefix;
    text += name;
    return text;
}

GraphValue activate(NetworkGraph& graph, GraphValue x, Activation activation) {
    switch (activation) {
    case Activation::None:
        return x;
    case Activation::ReLU:
        return graph.relu(x);
    case Activation::ReLU6:
        return graph.relu6(x);
    case Activation::Hardswish:
        return graph.hardswish(x);
    case Activation::SiLU:
        return graph.silu(x);
    }
    return x;
}

GraphValue convBnActivation(NetworkGraph& graph, GraphValue x, const std::string& convPrefix,
                            const std::string& bnPrefix, std::int64_t stride, std::int64_t groups,
                            double eps, Activation activation) {
    const std::int64_t kernel = graph.parameter(convPrefix + ".weight").size(2);
    ConvOptions options;
    options.stride = stride;
    options.padding = (kernel - 1) / 2;
    options.groups = groups;
    x = graph.conv2d(x, convPrefix, options);
    x = graph.batchNorm(x, bnPrefix, eps);
    return activate(graph, x, activation);
}

GraphValue squeezeExcitation(NetworkGraph& graph, GraphValue x, const std::string& prefix,
                             bool siluSigmoid) {
    GraphValue scale = graph.globalAvgPool(x);
    std::string fc1 = prefix;
    fc1 += ".fc1";
    std::string fc2 = prefix;
    fc2 += ".fc2";
    scale = graph.conv2d(scale, fc1, ConvOptions{});
    scale = siluSigmoid ? graph.silu(scale) : graph.relu(scale);
    scale = graph.conv2d(scale, fc2, ConvOptions{});
    scale = siluSigmoid ? graph.sigmoid(scale) : graph.hardsigmoid(scale);
    return graph.channelGate(scale, x, graph.parameter(fc2 + ".weight").size(0));
}

bool isDepthwise(const torch::Tensor& weight) {
    return weight.size(1) == 1 && weight.size(2) > 1;
}

GraphValue averagePoolNeck(NetworkGraph& graph, GraphValue features) {
    return graph.flatten(graph.globalAvgPool(features));
}

const ArchitectureGraph* findArchitectureGraph(const models::BackboneInfo& info) {
    static const ArchitectureGraph kResNet{resNetBlocks, averagePoolNeck};
    // MobileNetV2's neck is pooling and Dropout(0.2), which eval mode skips.
    static const ArchitectureGraph kMobileNetV2{mobileNetV2Blocks, averagePoolNeck};
    static const ArchitectureGraph kMobileNetV3Large{mobileNetV3LargeBlocks, mobileNetV3Neck};
    static const ArchitectureGraph kMobileNetV3Small{mobileNetV3SmallBlocks, mobileNetV3Neck};
    static const ArchitectureGraph kEfficientNetB0{efficientNetB0Blocks, averagePoolNeck};
    static const ArchitectureGraph kDenseNet{denseNetBlocks, denseNetNeck};
    static const ArchitectureGraph kConvNeXt{convNeXtBlocks, convNeXtNeck};
    static const ArchitectureGraph kVgg{vggBlocks, vggNeck};
    // Inception's neck is pooling and Dropout(0.5), which eval mode skips.
    static const ArchitectureGraph kInceptionV3{inceptionV3Blocks, averagePoolNeck};
    if (info.family == "VGG") {
        return &kVgg;
    }
    if (info.name == "convnext_tiny") {
        return &kConvNeXt;
    }
    if (info.family == "DenseNet") {
        return &kDenseNet;
    }
    if (info.name == "mobilenet_v3_large") {
        return &kMobileNetV3Large;
    }
    if (info.name == "mobilenet_v3_small") {
        return &kMobileNetV3Small;
    }
    if (info.name == "efficientnet_b0") {
        return &kEfficientNetB0;
    }
    if (info.family == "ResNet") {
        return &kResNet;
    }
    if (info.name == "mobilenet_v2") {
        return &kMobileNetV2;
    }
    if (info.name == "inception_v3") {
        return &kInceptionV3;
    }
    return nullptr;
}

} // namespace tstudio::graph
