#pragma once

// Private to core/export (torch types): a trained network written as a TorchScript module or
// an ONNX model, from its architecture's description (training::describeTransferNet).

#include <filesystem>

#include "core/common/result.h"
#include "core/export/model_export.h"
#include "core/export/torchvision_layout.h"
#include "core/training/model_bundle.h"
#include "core/training/transfer_net.h"

namespace tstudio::modelexport {

/**
 * Writes net to path as format (TorchScript or ONNX), its tensors the layout's dict. TorchScript:
 * a module whose state_dict has the dict's keys, in eval mode, with the attributes classes,
 * input_size, mean and std. ONNX: opset kOnnxOpset, input "input" [N, 3, size, size], output
 * "logits", and metadata_props classes (a JSON array), input_size, resize_short_side, mean, std,
 * architecture. Call after checkGraphExport succeeded. Fails with the reason where writing or
 * building the graph fails.
 */
Status writeGraphExport(const std::filesystem::path& path, ExportFormat format,
                        const training::TransferNet& net, const TorchvisionLayout& layout,
                        const training::BundleInfo& bundle);

} // namespace tstudio::modelexport
