#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tstudio::data {

/** Where a dataset's samples come from. */
enum class DatasetKind { ImageFolder, UnlabeledFolder, Csv, Cifar10Binary, Idx, Custom };

/** "image-folder", "unlabeled-folder", "csv", "cifar10-binary", "idx", "custom". */
std::string datasetKindName(DatasetKind kind);
std::optional<DatasetKind> parseDatasetKind(std::string_view name);

} // namespace tstudio::data
