#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::inference {

/**
 * The class of an image in an image-folder dataset (root/<class>/<image>): the name of the folder
 * that holds the file. Empty for a file with no parent folder in its path.
 */
std::string classFolderOf(const std::filesystem::path& image);

/**
 * The companion table of a features .npy: header "index,path,class", then one line per row with
 * the row index, the image path and classFolderOf(path). Fields are quoted per RFC 4180 when
 * they hold a comma, a quote or a line break. Written atomically; fails naming the path.
 */
Status writeFeatureCsv(const std::filesystem::path& path,
                       const std::vector<std::filesystem::path>& images);

/** The CSV text writeFeatureCsv() writes. */
std::string featureCsv(const std::vector<std::filesystem::path>& images);

} // namespace tstudio::inference
