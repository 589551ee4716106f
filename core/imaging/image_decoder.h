#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "core/common/result.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::imaging {

/** Larger images are decoded at reduced size (JPEG, PNG) or refused (other formats). */
inline constexpr std::int64_t kDefaultMaxPixels = 50'000'000;

struct DecodeOptions {
    std::int64_t maxPixels = kDefaultMaxPixels;
    /** A PNG over maxPixels is shrunk by a whole factor until its long side is at most this
        (and its pixels at most maxPixels). */
    int reducedLongSide = 4096;
};

/**
 * Decodes an image file to 8-bit RGB, recognising the format by content, not by extension.
 *
 * JPEG, PNG, BMP, TIFF, WebP and PNM go through OpenCV; GIF (first frame), ICO and whatever
 * OpenCV rejects go through Qt's image plugins (QImageReader needs no QGuiApplication). The file
 * is read into memory here, so names that are not valid UTF-8 work.
 *  - EXIF orientation is applied (torchvision's PIL loader does not; a photo then looks the way
 *    viewers show it).
 *  - Grayscale and palette images become RGB; 16-bit channels keep their high byte.
 *  - Alpha is dropped, not composited: the colour under a transparent pixel is kept, exactly as
 *    PIL's convert("RGB") does, so a model sees the pixels it would see in torchvision.
 *  - CMYK JPEGs are converted by libjpeg (Adobe's inverted CMYK, as PIL does).
 *  - Above options.maxPixels a JPEG is decoded at 1/2, 1/4 or 1/8 size (libjpeg's DCT scaling),
 *    a PNG is streamed row by row and area-averaged by a whole factor (long side at most
 *    options.reducedLongSide; memory: the result plus one row, so a 20000x20000 PNG never takes
 *    1.2 GB), and any other format is refused, before a pixel buffer is allocated.
 * Any thread. Fails with a message naming the file and the reason (empty, not an image, damaged
 * header, truncated, too large, undecodable).
 */
Result<RgbImage> decodeImage(const std::filesystem::path& path, const DecodeOptions& options = {});

/** The same for bytes already in memory; name is used in messages only. */
Result<RgbImage> decodeImageBytes(std::span<const std::uint8_t> bytes, const std::string& name,
                                  const DecodeOptions& options = {});

} // namespace tstudio::imaging
