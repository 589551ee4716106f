#pragma once

#include <filesystem>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/data/scan_control.h"

namespace tstudio::data {

/**
 * Opens MNIST or Fashion-MNIST IDX files: a folder with `train-images-idx3-ubyte` +
 * `train-labels-idx1-ubyte` (→ train) and/or `t10k-…` (→ test), or one images file whose labels
 * file sits beside it. Gray pixels become three equal channels. Classes are the digits "0".."9",
 * or Fashion-MNIST's names when the folder's path says "fashion". Any thread; fails on a wrong
 * magic number, sizes that disagree with the header, or label and image counts that differ.
 */
Result<Dataset> readIdxDataset(const std::filesystem::path& path, const ScanControl& control = {});

/** True when path is an IDX images file or a folder with one (by name only). */
bool looksLikeIdx(const std::filesystem::path& path);

} // namespace tstudio::data
