#pragma once

// Private to core/export (torch types): a trained network (backbone and head) written into a
// NetworkGraph, and which architectures can be.

#include "core/common/result.h"
#include "core/export/model_export.h"
#include "core/export/network_graph.h"
#include "core/training/transfer_net.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::modelexport {

/** Fails, saying why, where info's architecture cannot be written as format (a graph format:
    TorchScript or ONNX); succeeds for pth and safetensors. Any thread. */
Status checkGraphExport(const models::BackboneInfo& info, ExportFormat format);

/**
 * net's eval-mode forward, backbone and head, written into graph and marked as its output.
 * graph's parameters are the exported state dict (torchvisionLayout's): the head's final Linear
 * is "head.fc" where the dict has it, else the backbone's own final layer. Call only after
 * checkGraphExport succeeded. Throws std::invalid_argument where the dict lacks a key.
 */
void describeNetwork(NetworkGraph& graph, const training::TransferNet& net);

} // namespace tstudio::modelexport
