#pragma once

#include <filesystem>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/data/scan_control.h"

namespace tstudio::data {

/**
 * Lists an image folder: DIR/<class>/... (nested folders below a class belong to it), or a
 * folder already split, DIR/<split>/<class>/... where every subfolder of DIR is named train,
 * val(idation) or test. Classes are sorted by name (torchvision's ImageFolder order); samples by
 * path. Files are taken by extension (.jpg, .png, ...), hidden ones skipped; nothing is opened
 * or decoded, so 100,000 files list in well under a second on a warm disk: the dataset report
 * checks content. Any thread; fails when dir is not a folder, or with kCancelledMessage.
 */
Result<Dataset> scanImageFolder(const std::filesystem::path& dir, const ScanControl& control = {});

/** Every image file below dir, recursively, unlabeled and unsplit: a pool to label. */
Result<Dataset> scanUnlabeledFolder(const std::filesystem::path& dir,
                                    const ScanControl& control = {});

} // namespace tstudio::data
