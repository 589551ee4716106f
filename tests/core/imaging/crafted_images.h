#pragma once

// Image files written byte by byte, for decoder cases no encoder at hand produces (CMYK JPEG,
// GIF, a PNG that claims 20000x20000 pixels, EXIF orientation).

#include <cstdint>
#include <string>
#include <vector>

namespace tstudio::test {

using ByteVector = std::vector<std::uint8_t>;

/**
 * A baseline JPEG whose every 8x8 block is flat: components 1 (gray), 3 (YCbCr) or 4 (CMYK, with
 * an Adobe APP14 marker: values stored inverted, as Photoshop writes them). values[c] is the
 * stored sample of component c, the same over the whole image.
 */
ByteVector craftFlatJpeg(int width, int height, const std::vector<int>& values);

/** A 2x2 GIF89a, palette {red, blue}, pixels red blue / blue red. */
ByteVector craftGif2x2();

/** A PNG with the given IHDR (8-bit RGB) and a tiny valid zlib stream: its data is short. */
ByteVector craftPngHeader(std::uint32_t width, std::uint32_t height);

/** jpeg with an EXIF APP1 segment carrying the orientation tag, put right after SOI. */
ByteVector withExifOrientation(const ByteVector& jpeg, int orientation);

/** Writes bytes to a file (the path is raw bytes: may be non-UTF-8). */
bool writeBytes(const std::string& path, const ByteVector& bytes);

} // namespace tstudio::test
