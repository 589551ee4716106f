#pragma once

#include <vector>

namespace tstudio::imaging {

/**
 * A per-pixel map over an image, such as Grad-CAM's "where did the model look": values in 0..1,
 * row-major, at the image's own size (not the model's input size). Pixels the model never saw
 * (outside the evaluation transform's centre crop) are 0. Plain value type, any thread.
 */
struct HeatMap {
    int width = 0;
    int height = 0;
    std::vector<float> values; ///< width * height, row-major, 0..1
    int classIndex = -1;       ///< the class the map explains

    bool empty() const { return width <= 0 || height <= 0; }
    float at(int x, int y) const {
        return values[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                      static_cast<std::size_t>(x)];
    }
};

} // namespace tstudio::imaging
