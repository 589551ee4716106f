#include "core/data/dataset_kind.h"

#include <array>
#include <utility>

namespace tstudio::data {

namespace {

constexpr std::array<std::pair<DatasetKind, std::string_view>, 6> kNames{{
    {DatasetKind::ImageFolder, "image-folder"},
    {DatasetKind::UnlabeledFolder, "unlabeled-folder"},
    {DatasetKind::Csv, "csv"},
    {DatasetKind::Cifar10Binary, "cifar10-binary"},
    {DatasetKind::Idx, "idx"},
    {DatasetKind::Custom, "custom"},
}};

} // namespace

std::string datasetKindName(DatasetKind kind) {
    for (const auto& [value, name] : kNames) {
        if (value == kind) {
            return std::string(name);
        }
    }
    return "custom";
}

std::optional<DatasetKind> parseDatasetKind(std::string_view name) {
    for (const auto& [value, text] : kNames) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace tstudio::data
