#include "core/imaging/eval_transform.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tuple>
#include <utility>

#include "core/models/registry.h"

namespace tstudio::imaging {

namespace {

/** Offset of the crop window in one dimension, in the source image (negative: padding). */
int cropOffset(int size, int crop) {
    if (crop > size) {
        return -((crop - size) / 2); // torchvision pads (crop - size) // 2 before the image
    }
    const int twice = size - crop;
    const int half = twice / 2;
    // Python's round() on an exact .5 goes to the even neighbour.
    return (twice % 2 == 0 || half % 2 == 0) ? half : half + 1;
}

} // namespace

EvalTransform EvalTransform::forBackbone(const models::BackboneInfo& info, int inputSize) {
    EvalTransform t;
    t.cropSize = inputSize > 0 ? inputSize : info.defaultInputSize;
    t.resizeShortSide = static_cast<int>(static_cast<std::int64_t>(info.resizeSize) * t.cropSize /
                                         info.defaultInputSize);
    t.filter = info.interpolation == models::Interpolation::Bicubic ? ResampleFilter::Bicubic
                                                                    : ResampleFilter::Bilinear;
    t.mean = info.mean;
    t.std = info.std;
    return t;
}

void writeNormalized(const RgbImage& image, const EvalTransform& transform, float* out) {
    const std::size_t plane = static_cast<std::size_t>(image.width) * image.height;
    for (std::size_t c = 0; c < 3; ++c) {
        std::array<float, 256> table;
        for (int x = 0; x < 256; ++x) {
            // Two float32 roundings, as torchvision's div(255) then sub_(mean).div_(std).
            const float unit = static_cast<float>(x) / 255.0f;
            table[static_cast<std::size_t>(x)] = (unit - transform.mean[c]) / transform.std[c];
        }
        float* channel = out + plane * c;
        const std::uint8_t* in = image.pixels.data() + c;
        for (std::size_t i = 0; i < plane; ++i, in += 3) {
            channel[i] = table[*in];
        }
    }
}

namespace {

/** The resized size: torchvision 0.14's arithmetic on PIL images. */
std::pair<int, int> resizedSize(int width, int height, const EvalTransform& transform) {
    const bool portrait = width <= height;
    const std::int64_t shortSide = portrait ? width : height;
    const std::int64_t longSide = portrait ? height : width;
    const int newShort = transform.resizeShortSide;
    // int(size * long / short) in Python: exact product, one correctly rounded division.
    const int newLong =
        static_cast<int>(static_cast<double>(newShort * longSide) / static_cast<double>(shortSide));
    return portrait ? std::pair{newShort, newLong} : std::pair{newLong, newShort};
}

} // namespace

RgbImage resizeShortSide(const RgbImage& image, const EvalTransform& transform) {
    const auto [width, height] = resizedSize(image.width, image.height, transform);
    return resample(image, width, height, transform.filter);
}

CropGeometry cropGeometry(int width, int height, const EvalTransform& transform) {
    CropGeometry g;
    std::tie(g.resizedWidth, g.resizedHeight) = resizedSize(width, height, transform);
    g.crop = transform.cropSize;
    g.left = cropOffset(g.resizedWidth, g.crop);
    g.top = cropOffset(g.resizedHeight, g.crop);
    return g;
}

RgbImage resizeAndCenterCrop(const RgbImage& image, const EvalTransform& transform) {
    const RgbImage resized = resizeShortSide(image, transform);

    const int crop = transform.cropSize;
    const int left = cropOffset(resized.width, crop);
    const int top = cropOffset(resized.height, crop);
    RgbImage out;
    out.width = crop;
    out.height = crop;
    out.pixels.assign(static_cast<std::size_t>(crop) * crop * 3, 0);
    const int x0 = std::max(left, 0);
    const int x1 = std::min(left + crop, resized.width);
    for (int y = 0; y < crop; ++y) {
        const int sy = y + top;
        if (sy < 0 || sy >= resized.height || x1 <= x0) {
            continue;
        }
        std::memcpy(out.row(y) + static_cast<std::size_t>(x0 - left) * 3,
                    resized.row(sy) + static_cast<std::size_t>(x0) * 3,
                    static_cast<std::size_t>(x1 - x0) * 3);
    }
    return out;
}

} // namespace tstudio::imaging
