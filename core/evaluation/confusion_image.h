#pragma once

// Private to core/evaluation: a confusion matrix drawn as a PNG heat map with OpenCV.

#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::evaluation {

/** A square matrix to draw: shade in [0, 1] per cell (darker is more), the text written in it. */
struct HeatMap {
    std::string title;
    std::vector<std::string> classes; ///< rows (true) and columns (predicted), in this order
    std::vector<std::vector<double>> shade;
    std::vector<std::vector<std::string>> text;
};

/** PNG bytes: rows titled "true" down the left, columns titled "predicted" along the bottom,
    the image sized for the class count. Non-ASCII letters in names are drawn as '?'. */
Result<std::string> heatMapPng(const HeatMap& map);

} // namespace tstudio::evaluation
