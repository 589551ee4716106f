#pragma once

#include <string>

#include "core/common/result.h"
#include "core/data/dataset.h"

namespace tstudio::cli {

/**
 * The dataset a command's --data (or PATH) names: a project file (`.tsproj`, the labels made in
 * the window) or anything data::openDataset opens. A project's missing images are named on
 * stderr (they keep their labels; training and evaluation leave them out).
 */
Result<data::Dataset> openDataArgument(const std::string& path, const char* command,
                                       bool unlabeled = false);

} // namespace tstudio::cli
