#pragma once

// Public, torch-free: a trained bundle written as files other tools load, verified.

#include <filesystem>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace tstudio::modelexport {

/** The formats export writes. TorchScript and ONNX are written for the architectures
    supportsExport accepts. */
enum class ExportFormat {
    Pth,         ///< torch.save's zip format: a plain dict of tensors, torchvision's key names
    Safetensors, ///< the same dict as .safetensors
    TorchScript, ///< a torch.jit module (torch.jit.load), parameters under torchvision's keys
    Onnx,        ///< an ONNX model (opset 17) that OpenCV's DNN module runs
};

/** The largest absolute logit difference an export may show against its bundle (pth,
    safetensors, TorchScript: the same arithmetic in LibTorch). */
constexpr double kExportTolerance = 1e-4;
/** The same for ONNX, run by another engine (OpenCV DNN) with its own convolution code, as a
    fraction of the logits' scale (the largest |logit|, at least 1): float32 sums in another
    order differ in proportion to their size, and an untrained deep network's logits reach
    thousands. */
constexpr double kOnnxExportTolerance = 1e-3;

/** The tolerance that applies to format (for ONNX, per unit of logit scale). */
double exportTolerance(ExportFormat format);

/** "pth", "safetensors", "torchscript" or "onnx"; fails for any other name. Any thread. */
Result<ExportFormat> parseExportFormat(std::string_view name);
/** The name parseExportFormat reads back. */
const char* formatName(ExportFormat format);

/** Succeeds where arch (a registry name) can be exported as format; otherwise says why ("not
    supported yet for <arch>"). Any thread. */
Status supportsExport(std::string_view arch, ExportFormat format);

/** Whether, and how, torchvision's own model takes the exported state dict. */
struct TorchvisionCompatibility {
    bool loadsStrictly = false; ///< load_state_dict(strict=True) works and gives our logits
    /// The Python call that builds the model the file fits ("torchvision.models.resnet18(
    /// num_classes=3)"); for a head torchvision has no model for, the backbone's call, whose
    /// blocks take the file's keys with strict=False.
    std::string constructor;
    std::string note; ///< why it does not load strictly, or what to keep in mind; may be empty
};

struct ExportResult {
    std::filesystem::path weightsFile;
    std::filesystem::path sidecarFile; ///< <weightsFile>.json
    std::filesystem::path cardFile;    ///< <weightsFile>.md
    double maxAbsDifference = 0.0;     ///< largest |logit difference| of the verification
    /// The largest difference the verification allowed: exportTolerance(format), for ONNX
    /// times the logits' scale.
    double allowedDifference = 0.0;
    int verifiedInputs = 0;
    TorchvisionCompatibility torchvision;
};

/**
 * Exports the bundle to out in format, with the sidecar JSON (<out>.json) and the model card
 * (<out>.md) beside it. Verification is part of it: the written file is read back by an
 * independent reader — pth/safetensors with our readers into a fresh network (and, where
 * torchvision's model takes it strictly, into a fresh backbone in torchvision's layout),
 * TorchScript with torch::jit::load, ONNX with OpenCV's DNN module — and its logits on a few
 * seeded random inputs at the bundle's input size are compared with the bundle's; beyond
 * exportTolerance(format) the export fails and nothing is left at out. An architecture the
 * format does not support yet is refused before anything is written. Every file is written
 * atomically. Fails, writing nothing, on a file that is not a readable bundle, or an out path that
 * is the bundle itself. Any thread (the work takes seconds for the large backbones).
 */
Result<ExportResult> exportModel(const std::filesystem::path& bundle, ExportFormat format,
                                 const std::filesystem::path& out);

} // namespace tstudio::modelexport
