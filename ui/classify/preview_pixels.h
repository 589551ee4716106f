#pragma once

#include <QImage>

#include "core/imaging/heat_map.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::ui {

/** image shrunk to fit maxSide x maxSide (never enlarged; smooth). Any thread. */
imaging::RgbImage shrinkToFit(const imaging::RgbImage& image, int maxSide);

/** map resampled to width x height (bilinear, pixel centres aligned); keeps classIndex. */
imaging::HeatMap resizeHeatMap(const imaging::HeatMap& map, int width, int height);

/** A QImage copy of image (RGB32, for painting). Any thread. */
QImage toQImage(const imaging::RgbImage& image);

} // namespace tstudio::ui
