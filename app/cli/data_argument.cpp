#include "data_argument.h"

#include <cstdio>

#include "core/project/project_file.h"

namespace tstudio::cli {

Result<data::Dataset> openDataArgument(const std::string& path, const char* command,
                                       bool unlabeled) {
    auto dataset = project::openTrainingData(path, {}, unlabeled);
    if (!dataset || !project::isProjectFile(path)) {
        return dataset;
    }
    const auto missing = project::missingImages(*dataset);
    constexpr std::size_t kNamed = 5;
    for (std::size_t i = 0; i < missing.size() && i < kNamed; ++i) {
        std::fprintf(stderr, "tstudio %s: missing image (left out, label kept): %s\n", command,
                     missing[i].string().c_str());
    }
    if (missing.size() > kNamed) {
        std::fprintf(stderr, "tstudio %s: ... and %zu more missing images\n", command,
                     missing.size() - kNamed);
    }
    return dataset;
}

} // namespace tstudio::cli
