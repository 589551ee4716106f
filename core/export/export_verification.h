#pragma once

// Private to core/export (torch types): an exported file read back and compared with the
// network it came from.

#include <filesystem>

#include "core/common/result.h"
#include "core/export/torchvision_layout.h"
#include "core/training/training_config.h"
#include "core/training/transfer_net.h"

namespace tstudio::modelexport {

struct Verification {
    double maxAbsDifference = 0.0;
    double logitScale = 1.0; ///< the original's largest |logit|, at least 1
    int inputs = 0;
};

/**
 * Reads written (any format our readers know) into a fresh network and returns the largest
 * absolute difference between its logits and original's on a few seeded random inputs at the
 * network's input size. Where layout says torchvision's model takes the file strictly, the
 * fresh network is our torchvision-layout backbone built for numClasses and loaded strictly
 * (the model Python builds); otherwise it is a fresh TransferNet for config. Fails when the
 * file cannot be read or does not load. original is put in eval mode.
 */
Result<Verification> verifyExport(const std::filesystem::path& written,
                                  training::TransferNet& original,
                                  const training::TrainingConfig& config, int numClasses,
                                  const TorchvisionLayout& layout);

/** Loads written with torch::jit::load and compares its forward with original's logits on the
    same seeded inputs. Fails when the module does not load or run. */
Result<Verification> verifyTorchScript(const std::filesystem::path& written,
                                       training::TransferNet& original);

/** Reads written with OpenCV's cv::dnn::readNetFromONNX and compares its output with original's
    logits on the same seeded inputs, all in one batch (the batch axis is dynamic). Fails when
    OpenCV cannot read or run the model. */
Result<Verification> verifyOnnx(const std::filesystem::path& written,
                                training::TransferNet& original);

} // namespace tstudio::modelexport
