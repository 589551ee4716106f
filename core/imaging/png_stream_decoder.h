#pragma once

// Private to core/imaging: PNGs too large to hold in memory, decoded row by row at reduced size.

#include <cstdint>
#include <span>
#include <string>

#include "core/common/result.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::imaging {

/**
 * Decodes a PNG with libpng one row at a time and area-averages each factor x factor block into
 * one pixel (blocks cut by the right or bottom edge average the pixels they have), so memory is
 * the result plus one row, never the full image. Interlaced (Adam7) files accumulate every pass
 * into a sum per output pixel instead (4 bytes per channel of the result). Colour handling is
 * the decoder's: palette and gray become RGB, 16 bits keep their high byte, alpha is dropped
 * without blending. factor >= 1. Any thread. Fails with a message naming the file (damaged or
 * truncated data, absurd dimensions).
 */
Result<RgbImage> decodePngReduced(std::span<const std::uint8_t> bytes, const std::string& name,
                                  int factor);

} // namespace tstudio::imaging
