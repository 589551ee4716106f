#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <QJsonObject>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/data/stratified_split.h"

namespace tstudio::data {

/** How a split was made, saved beside it for the record. */
struct SplitRecipe {
    SplitFractions fractions;
    std::uint64_t seed = 0;
};

/** A dataset as saved in a project: every sample with its label and split. */
struct DatasetDescription {
    Dataset dataset;
    std::optional<SplitRecipe> recipe;
};

/**
 * The dataset as JSON ("tstudio-dataset" version 1): kind, root, classes in order, and every
 * sample (path relative to the root folder, record, label, split). Paths that are not valid
 * UTF-8 are stored as base64 bytes so they survive. Any thread.
 */
std::string datasetToJson(const DatasetDescription& description);
/** datasetToJson as an object, for files that embed a dataset (the project). */
QJsonObject datasetToJsonObject(const DatasetDescription& description);

/**
 * Reads datasetToJson's output. In-memory sources (CIFAR-10 binary, IDX) are opened again from
 * the root to get their pixels. Any thread; fails on malformed JSON, a label outside the class
 * list, or a binary source that cannot be opened.
 */
Result<DatasetDescription> datasetFromJson(const std::string& json);
/** datasetFromJson of an object; rootOverride, when given, replaces the root it names (a
    project whose images moved with it). */
Result<DatasetDescription> datasetFromJsonObject(const QJsonObject& json,
                                                 const std::filesystem::path& rootOverride = {});

/** The root folder or file a datasetToJsonObject object names. */
std::filesystem::path datasetRootIn(const QJsonObject& json);

/** datasetToJson written atomically to file. */
Status saveDataset(const DatasetDescription& description, const std::filesystem::path& file);
Result<DatasetDescription> loadDataset(const std::filesystem::path& file);

} // namespace tstudio::data
