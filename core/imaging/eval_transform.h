#pragma once

#include <array>

#include "core/imaging/resample.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::imaging {

/**
 * torchvision's evaluation transform: Resize(resizeShortSide) → CenterCrop(cropSize) →
 * ToTensor → Normalize(mean, std). Plain value type, any thread.
 */
struct EvalTransform {
    int resizeShortSide = 256;
    int cropSize = 224;
    ResampleFilter filter = ResampleFilter::Bilinear;
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};

    /**
     * The registry entry's transform for a square input of inputSize (0: the entry's default).
     * The resize scales with the input: resizeSize * inputSize / defaultInputSize, rounded down
     * (256 → 224 crop by default; 512 for a 448 input).
     */
    static EvalTransform forBackbone(const models::BackboneInfo& info, int inputSize = 0);
};

/**
 * ToTensor + Normalize of image into out ([3, height, width] float32, planar): (x / 255 - mean)
 * / std with torchvision's two float32 roundings, bit for bit. One table of the 256 values per
 * channel makes it as fast as a fused multiply-add. The one normalisation of every path.
 */
void writeNormalized(const RgbImage& image, const EvalTransform& transform, float* out);

/**
 * Resize(short side) alone, with torchvision 0.14's arithmetic on PIL images (the long side
 * becomes int(size * long / short)); an image already of that size is returned as it is, as
 * PIL does. The first half of resizeAndCenterCrop: what evaluation caches per image.
 */
RgbImage resizeShortSide(const RgbImage& image, const EvalTransform& transform);

/**
 * Where the evaluation transform's crop lies, for an image of width x height: the size the
 * resize gives it, and the crop window's top-left corner in that resized image (negative where
 * the crop is larger than the image and torchvision pads). What maps a crop-sized result, such
 * as a Grad-CAM map, back onto the original image. Any thread.
 */
struct CropGeometry {
    int resizedWidth = 0;
    int resizedHeight = 0;
    int left = 0;
    int top = 0;
    int crop = 0;
};
CropGeometry cropGeometry(int width, int height, const EvalTransform& transform);

/**
 * Resize(short side) then CenterCrop, with torchvision 0.14's arithmetic on PIL images: the long
 * side becomes int(size * long / short), the crop offset is Python's round((size - crop) / 2)
 * (half to even), and a crop larger than the image is zero-padded. Resampling is PIL's.
 */
RgbImage resizeAndCenterCrop(const RgbImage& image, const EvalTransform& transform);

} // namespace tstudio::imaging
