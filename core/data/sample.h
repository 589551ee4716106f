#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "core/data/split.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::data {

inline constexpr int kUnlabeled = -1;

/**
 * One image of a dataset: a file, or a record of a binary source (CIFAR-10 batch, IDX file)
 * whose pixels are held in memory. Plain value type, any thread.
 */
struct Sample {
    /** The image file, or for an in-memory record the source file it came from. */
    std::filesystem::path path;
    /** Record number inside path for binary sources; -1 for an image file. */
    std::int64_t record = -1;
    /** Decoded pixels of an in-memory record; null for an image file. */
    std::shared_ptr<const imaging::RgbImage> image;
    int label = kUnlabeled; ///< index into Dataset::classes(), or kUnlabeled
    Split split = Split::None;
    /** Left out by the user (blurred, off-topic, a duplicate): kept with its label and split in
        the project, but never trained, evaluated or counted. */
    bool excluded = false;

    bool inMemory() const { return image != nullptr; }
    /** Labelled and not excluded: the samples training, evaluation and class counts use. */
    bool usable() const { return label != kUnlabeled && !excluded; }
};

} // namespace tstudio::data
