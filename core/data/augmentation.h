#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "core/imaging/rgb_image.h"

namespace tstudio::data {

/**
 * Training augmentations, torchvision's names and defaults, each with its own probability.
 * Applied in this order: random resized crop, flips, rotation, color jitter, grayscale, blur,
 * erasing. Plain value type, any thread.
 */
struct AugmentationConfig {
    struct ResizedCrop {
        bool enabled = true;
        int size = 224;
        float scaleMin = 0.08f, scaleMax = 1.0f;
        float ratioMin = 3.0f / 4.0f, ratioMax = 4.0f / 3.0f;
    } crop;
    float horizontalFlip = 0.5f; ///< probability
    float verticalFlip = 0.0f;
    struct Rotation {
        float probability = 0.0f;
        float degrees = 15.0f; ///< uniform in [-degrees, degrees]; corners filled with black
    } rotation;
    struct ColorJitter {
        float probability = 0.0f;
        float brightness = 0.4f, contrast = 0.4f, saturation = 0.4f; ///< factor in [1-x, 1+x]
        float hue = 0.1f; ///< shift in [-hue, hue] turns (at most 0.5)
    } colorJitter;
    float grayscale = 0.0f; ///< probability
    struct Blur {
        float probability = 0.0f;
        int kernel = 5; ///< odd
        float sigmaMin = 0.1f, sigmaMax = 2.0f;
    } blur;
    struct Erasing {
        float probability = 0.0f;
        float scaleMin = 0.02f, scaleMax = 0.33f;
        float ratioMin = 0.3f, ratioMax = 3.3f;
    } erasing;
};

/**
 * One random augmentation of image, drawn from rng. The same rng state gives the same output.
 * Without crop the image keeps its size (rotation keeps the frame). Erased rectangles take the
 * ImageNet mean colour: after normalisation they are 0, as torchvision's RandomErasing(value=0)
 * after Normalize. Resizing is OpenCV's bilinear (INTER_AREA when shrinking more than 2x), not
 * PIL's: augmentation is random anyway, and this is what makes it fast. Any thread.
 */
imaging::RgbImage augmentImage(const imaging::RgbImage& image, const AugmentationConfig& config,
                               std::mt19937_64& rng);

/** count augmented versions of image for the GUI's preview; the same seed, the same set. */
std::vector<imaging::RgbImage> previewAugmentations(const imaging::RgbImage& image,
                                                    const AugmentationConfig& config, int count,
                                                    std::uint64_t seed);

} // namespace tstudio::data
