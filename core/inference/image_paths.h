#pragma once

#include <filesystem>
#include <vector>

#include "core/common/result.h"

namespace tstudio::inference {

/** The image files named by command-line PATH arguments. */
struct ImageInputs {
    std::vector<std::filesystem::path> files;
    std::vector<Error> problems; ///< arguments that name nothing (one message each)
};

/**
 * Expands PATH arguments in order: a file is taken as given (whatever it holds, so that a bad
 * file gets reported by the decoder rather than dropped); a folder is searched recursively and
 * its files taken in sorted path order when their content looks like an image (sniffed) or their
 * extension is an image one (.jpg, .png, ...; so a damaged photo is reported, not silently
 * skipped). Hidden files and folders (".name") are skipped. A path that does not exist becomes a
 * problem. Any thread.
 */
ImageInputs expandImagePaths(const std::vector<std::filesystem::path>& arguments);

} // namespace tstudio::inference
