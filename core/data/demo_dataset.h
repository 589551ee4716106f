#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::data {

/** What the demo dataset holds; the defaults make a dataset that trains in a minute on a CPU. */
struct DemoDatasetOptions {
    int trainPerClass = 40;
    int valPerClass = 12;
    /// Square images, in pixels: the backbones' usual input size, so the demo trains at the size
    /// real photos do and the dataset check has no "smaller than the input" warning to raise.
    int imageSize = 224;
    std::uint64_t seed = 0;
};

/** The demo's classes, in folder (and so class-index) order. */
const std::vector<std::string>& demoDatasetClasses();

/**
 * Draws a small image-folder dataset of shapes — circle, square, star, triangle — with random
 * colours, positions, sizes, rotations and noise, already split: dir/train/CLASS/NAME.jpg and
 * dir/val/CLASS/NAME.jpg. The same options give the same files. The images are written into a
 * temporary folder beside dir that then replaces dir, so dir never holds a half-written demo.
 * Any thread; fails with a message naming the folder when it cannot be written. Returns dir.
 */
Result<std::filesystem::path> generateDemoDataset(const std::filesystem::path& dir,
                                                  const DemoDatasetOptions& options = {});

} // namespace tstudio::data
