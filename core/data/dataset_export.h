#pragma once

// Public, torch-free: a labelled dataset written out for other tools — as an image-folder tree
// (what torchvision's ImageFolder and Keras' image_dataset_from_directory read) or a CSV list.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>

#include "core/common/result.h"
#include "core/data/dataset.h"

namespace tstudio::data {

struct FolderExportOptions {
    /** A new or empty folder: nothing is ever overwritten. */
    std::filesystem::path target;
    /** Hard links cost no space and no time; where they cannot be made (another file system,
        binary sources) the file is copied instead. */
    bool hardLinks = false;
};

struct FolderExportSummary {
    std::int64_t images = 0;
    std::int64_t linked = 0;  ///< of images, hard-linked rather than copied
    std::int64_t renamed = 0; ///< given a "-2"-style suffix: two images of a class shared a name
};

/**
 * Writes the usable images (labelled, not excluded) as target/<split>/<class>/<file> when the
 * dataset has a split (images without one go to train/), else target/<class>/<file>. Images
 * held in memory (CIFAR-10, IDX records) are written as PNG files. progress(done, total) comes
 * after each image; cancel is read between images, and a cancelled or failed export removes
 * what it wrote. Blocking; any thread.
 */
Result<FolderExportSummary>
exportImageFolder(const Dataset& dataset, const FolderExportOptions& options,
                  const std::function<void(std::int64_t, std::int64_t)>& progress = {},
                  const std::atomic_bool* cancel = nullptr);

/**
 * Writes `path,label,split` rows (a header first) for the usable images, and with
 * includeUnlabeled also the unlabeled ones (empty label); paths relative to the CSV's folder
 * for images inside it, absolute for the others.
 * readCsvDataset reads it back. Written atomically. Fails for images held in memory (they have
 * no file to point at: export those as a folder).
 */
Status exportCsv(const Dataset& dataset, const std::filesystem::path& csvFile,
                 bool includeUnlabeled = false);

} // namespace tstudio::data
