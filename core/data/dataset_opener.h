#pragma once

#include <filesystem>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/data/scan_control.h"

namespace tstudio::data {

/**
 * Opens whatever path names, recognising the source: a `.csv` file; a dataset `.json` saved by
 * saveDataset (with its split); CIFAR-10 binary batches;
 * MNIST-style IDX files; a folder of class folders (split or not); or, when a folder holds images
 * but no class folders (or unlabeled is set), an unlabeled pool. Any thread; fails as the
 * source's reader does, or with kCancelledMessage.
 */
Result<Dataset> openDataset(const std::filesystem::path& path, const ScanControl& control = {},
                            bool unlabeled = false);

} // namespace tstudio::data
