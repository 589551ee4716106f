#pragma once

#include <cstdint>
#include <vector>

namespace tstudio::imaging {

/**
 * An 8-bit RGB image: rows top to bottom, pixels as R, G, B bytes, no row padding. Plain value
 * type, any thread.
 */
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; ///< width * height * 3 bytes

    bool empty() const { return width <= 0 || height <= 0; }
    const std::uint8_t* row(int y) const {
        return pixels.data() + static_cast<std::size_t>(y) * width * 3;
    }
    std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * width * 3; }
};

} // namespace tstudio::imaging
