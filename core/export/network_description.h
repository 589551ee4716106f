#pragma once

// Private to core/export: which architectures can be written as a graph format (the network's
// description itself is training::describeTransferNet).

#include "core/common/result.h"
#include "core/export/model_export.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::modelexport {

/** Fails, saying why, where info's architecture cannot be written as format (a graph format:
    TorchScript or ONNX); succeeds for pth and safetensors. Any thread. */
Status checkGraphExport(const models::BackboneInfo& info, ExportFormat format);

} // namespace tstudio::modelexport
