#pragma once

// Private to core (torch types): each architecture's eval-mode forward written once
// against NetworkGraph, one file per family (resnet_graph.cpp, mobilenet_v2_graph.cpp, ...).
// The structure (blocks per stage, downsampling, expansion) is read from the state dict's
// torchvision keys, which the zoo's modules share with torchvision; strides and epsilons, which
// no key holds, are torchvision's constants.

#include <string>
#include <string_view>

#include "core/graph/network_graph.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::graph {

struct ArchitectureGraph {
    /** The image batch through every block: the last block's output. */
    GraphValue (*blocks)(NetworkGraph& graph, GraphValue images);
    /** The backbone's own neck (Pooling::Neck): the last block's output to the final Linear's
        input [N, features]. */
    GraphValue (*neck)(NetworkGraph& graph, GraphValue features);
};

/** The description of info's architecture, or null where none is written yet. */
const ArchitectureGraph* findArchitectureGraph(const models::BackboneInfo& info);

/** prefix + name: a parameter key under a module path ("layer1.0." + "conv1.weight"). */
std::string key(const std::string& prefix, std::string_view name);

/** conv (no bias, "same" padding for its odd kernel) + batch norm + optional activation. */
enum class Activation { None, ReLU, ReLU6, Hardswish, SiLU };
GraphValue convBnActivation(NetworkGraph& graph, GraphValue x, const std::string& convPrefix,
                            const std::string& bnPrefix, std::int64_t stride, std::int64_t groups,
                            double eps, Activation activation);
GraphValue activate(NetworkGraph& graph, GraphValue x, Activation activation);
/** torchvision.ops.SqueezeExcitation at prefix (fc1, fc2): SiLU + Sigmoid (EfficientNet) or
    ReLU + Hardsigmoid (MobileNetV3). The gate multiplies first (see onnx_graph.h). */
GraphValue squeezeExcitation(NetworkGraph& graph, GraphValue x, const std::string& prefix,
                             bool siluSigmoid);
/** Whether a conv weight [out, in/groups, k, k] is a depthwise conv (one input channel per
    group, a spatial kernel): how an inverted residual without expansion starts. */
bool isDepthwise(const torch::Tensor& weight);
/** Global average pooling then flatten: the neck of most of the zoo. */
GraphValue averagePoolNeck(NetworkGraph& graph, GraphValue features);

GraphValue resNetBlocks(NetworkGraph& graph, GraphValue images);
GraphValue mobileNetV2Blocks(NetworkGraph& graph, GraphValue images);
GraphValue mobileNetV3LargeBlocks(NetworkGraph& graph, GraphValue images);
GraphValue mobileNetV3SmallBlocks(NetworkGraph& graph, GraphValue images);
/** Pooling, classifier.0 and Hardswish. */
GraphValue mobileNetV3Neck(NetworkGraph& graph, GraphValue features);
GraphValue efficientNetB0Blocks(NetworkGraph& graph, GraphValue images);
GraphValue denseNetBlocks(NetworkGraph& graph, GraphValue images);
GraphValue convNeXtBlocks(NetworkGraph& graph, GraphValue images);
GraphValue vggBlocks(NetworkGraph& graph, GraphValue images);
/** transform_input, the stem and Mixed_5b .. Mixed_7c; AuxLogits does not run (eval mode). */
GraphValue inceptionV3Blocks(NetworkGraph& graph, GraphValue images);
/** 7x7 adaptive pooling, classifier.0 and classifier.3 with ReLU. */
GraphValue vggNeck(NetworkGraph& graph, GraphValue features);
/** Pooling, LayerNorm2d (classifier.0), flatten. */
GraphValue convNeXtNeck(NetworkGraph& graph, GraphValue features);
/** ReLU, pooling. */
GraphValue denseNetNeck(NetworkGraph& graph, GraphValue features);

} // namespace tstudio::graph
