#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "core/imaging/rgb_image.h"

namespace tstudio::imaging {

/**
 * A JPEG decoded by libjpeg-turbo straight to RGB at the smallest scale 1/8, 1/4, 1/2 or 1 (the
 * scaled inverse DCT: less work than a full decode, no resize of the full image) whose shorter
 * side is still at least minShortSide; EXIF orientation applied as OpenCV applies it. For the
 * decode-once cache, which shrinks to a fixed short side anyway. nullopt for anything it does
 * not handle (not a JPEG, CMYK, damaged data): use decodeImageBytes, which says why.
 * Any thread.
 */
std::optional<RgbImage> decodeJpegAtLeast(std::span<const std::uint8_t> bytes, int minShortSide);

} // namespace tstudio::imaging
