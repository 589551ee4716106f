#pragma once

// Shared real data for the inference tests: the MobileNetV2 ImageNet weights and photos from
// $TSTUDIO_SHARED (see shared/weights/README.md and shared/datasets/README.md).

#include <filesystem>
#include <string>
#include <vector>

#include "core/inference/model_spec.h"
#include "tests/test_support.h"

namespace tstudio::test {

inline std::filesystem::path sharedPath(const std::string& relative) {
    return std::filesystem::path(sharedDir().toStdString()) / relative;
}

inline inference::ModelSpec mobileNetV2Spec() {
    inference::ModelSpec spec;
    spec.arch = "mobilenet_v2";
    spec.weights = sharedPath("weights/mobilenet_v2_imagenet_dequantized.pth");
    return spec;
}

/** The sorted image files of one hymenoptera folder, e.g. "val/ants". */
inline std::vector<std::filesystem::path> hymenoptera(const std::string& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::directory_iterator(sharedPath("datasets/hymenoptera/" + folder))) {
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace tstudio::test
