#include "core/data/dataset_opener.h"

#include <algorithm>

#include "core/common/file_extension.h"
#include "core/data/cifar10_source.h"
#include "core/data/csv_source.h"
#include "core/data/dataset_file.h"
#include "core/data/idx_source.h"
#include "core/data/image_folder_source.h"

namespace tstudio::data {

namespace fs = std::filesystem;

Result<Dataset> openDataset(const fs::path& path, const ScanControl& control, bool unlabeled) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return fail(path.string() + ": no such file or folder");
    }
    if (fs::is_regular_file(path, ec)) {
        const std::string ext = lowercaseExtension(path);
        if (ext == ".csv") {
            return readCsvDataset(path, control);
        }
        if (ext == ".json") {
            // A dataset saved by `tstudio data split` or a project: its own split, kept.
            auto saved = loadDataset(path);
            if (!saved) {
                return saved.error();
            }
            return std::move(saved->dataset);
        }
        if (looksLikeCifar10Binary(path)) {
            return readCifar10Binary(path, control);
        }
        if (looksLikeIdx(path)) {
            return readIdxDataset(path, control);
        }
        return fail(path.string() +
                    ": not a dataset; give a folder of class folders, a .csv list, a dataset .json "
                    "(tstudio data split), CIFAR-10 .bin batches or MNIST IDX files");
    }
    if (unlabeled) {
        return scanUnlabeledFolder(path, control);
    }
    if (looksLikeCifar10Binary(path)) {
        return readCifar10Binary(path, control);
    }
    if (looksLikeIdx(path)) {
        return readIdxDataset(path, control);
    }
    auto dataset = scanImageFolder(path, control);
    if (dataset && dataset->classes().empty()) {
        // No class folders: the images lie loose in the folder, waiting for labels.
        return scanUnlabeledFolder(path, control);
    }
    return dataset;
}

} // namespace tstudio::data
