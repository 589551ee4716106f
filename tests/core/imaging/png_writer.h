#pragma once

// PNGs written with libpng itself, row by row: huge images cost little memory and little disk
// (each row is produced on demand and deflated away), and every colour type and interlacing is
// at hand.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tstudio::test {

struct PngLayout {
    int width = 0;
    int height = 0;
    int colorType = 2; ///< PNG_COLOR_TYPE_*: 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA
    int bitDepth = 8;
    bool interlaced = false;
    std::vector<std::uint8_t> palette;      ///< colorType 3: R, G, B per entry
    std::vector<std::uint8_t> paletteAlpha; ///< colorType 3: tRNS entries (may be empty)
};

/** Fills row y in the file's own sample layout (16-bit samples big-endian). */
using RowWriter = std::function<void(int y, std::uint8_t* row)>;

/** Writes the PNG to path (fast deflate, SUB filter: flat rows shrink to almost nothing). */
bool writePng(const std::string& path, const PngLayout& layout, const RowWriter& fillRow);

/** The same, into memory. */
std::vector<std::uint8_t> pngInMemory(const PngLayout& layout, const RowWriter& fillRow);

} // namespace tstudio::test
