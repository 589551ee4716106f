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

} // namespace tstudio::modelexport
