#include "core/inference/image_paths.h"

#include <algorithm>

#include "core/imaging/image_format.h"

namespace tstudio::inference {

namespace {

bool hidden(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

std::vector<std::filesystem::path> imagesUnder(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> found;
    std::error_code code;
    auto it = std::filesystem::recursive_directory_iterator(
        folder, std::filesystem::directory_options::skip_permission_denied, code);
    for (const auto end = std::filesystem::recursive_directory_iterator(); !code && it != end;
         it.increment(code)) {
        const std::filesystem::path& path = it->path();
        if (hidden(path)) {
            if (it->is_directory(code)) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_regular_file(code) &&
            (imaging::hasImageExtension(path) || imaging::looksLikeImageFile(path))) {
            found.push_back(path);
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace

ImageInputs expandImagePaths(const std::vector<std::filesystem::path>& arguments) {
    ImageInputs inputs;
    for (const std::filesystem::path& argument : arguments) {
        std::error_code code;
        const auto status = std::filesystem::status(argument, code);
        if (std::filesystem::is_directory(status)) {
            const auto found = imagesUnder(argument);
            if (found.empty()) {
                inputs.problems.push_back(
                    fail(argument.string() + ": no image files in this folder"));
            }
            inputs.files.insert(inputs.files.end(), found.begin(), found.end());
        } else if (std::filesystem::exists(status)) {
            inputs.files.push_back(argument);
        } else {
            inputs.problems.push_back(fail(argument.string() + ": no such file or folder"));
        }
    }
    return inputs;
}

} // namespace tstudio::inference
