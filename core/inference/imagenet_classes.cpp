#include "core/inference/imagenet_classes.h"

#include <cstddef>

// From the build-time generated imagenet_classes_data.cpp (embed_lines.cmake).
extern const char* const kImageNetClassLines[];
extern const std::size_t kImageNetClassLinesCount;

namespace tstudio::inference {

const std::vector<std::string>& imagenetClassNames() {
    static const std::vector<std::string> names(kImageNetClassLines,
                                                kImageNetClassLines + kImageNetClassLinesCount);
    return names;
}

} // namespace tstudio::inference
