#pragma once

// Private to core (torch types): a zoo backbone's eval-mode forward as a graph, from the image
// batch to its last block, its neck (the head's input) or its own logits, and the TorchScript
// module of it that inference freezes and optimizes.

#include <torch/script.h>

#include "core/graph/network_graph.h"
#include "core/models/backbone.h"
#include "core/weights/state_dict.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::graph {

/** Where a backbone's description ends. */
enum class BackboneEnd {
    LastBlock, ///< the last block's output [N, C, H, W]
    Neck,      ///< the head's input [N, features] (pooling, and VGG's/MobileNetV3's hidden layers)
    Logits,    ///< the backbone's own final Linear: [N, classes]
};

/** Whether info's architecture is written as a graph (findArchitectureGraph knows it). */
bool hasGraph(const models::BackboneInfo& info);

/** info's forward from graph.input() to end; the caller marks the output. Call only where
    hasGraph(info). */
GraphValue describeBackbone(NetworkGraph& graph, const models::BackboneInfo& info, BackboneEnd end);

/** The backbone's parameters and buffers under their module paths: torchvision's keys. */
weights::StateDict backboneState(models::BackboneImpl& backbone);

/** The TorchScript module (eval mode, not frozen) of backbone from images of inputSize to end.
    Call only where hasGraph(info). Throws c10::Error or std::invalid_argument when the backbone
    and its description disagree (a programmer error). */
torch::jit::Module scriptBackbone(models::BackboneImpl& backbone, const models::BackboneInfo& info,
                                  int inputSize, BackboneEnd end);

} // namespace tstudio::graph
