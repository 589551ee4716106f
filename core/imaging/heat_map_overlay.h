#pragma once

#include "core/imaging/heat_map.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::imaging {

/**
 * The image with map blended over it in a jet colour map (blue: 0, red: 1): each pixel becomes
 * (1 - opacity * v) * image + opacity * v * colour(v), so where the map is 0 (also outside the
 * model's crop) the image shows unchanged. opacity is clamped to 0..1; opacity 0 returns the
 * image as it is. The one overlay of the CLI and the GUI. A map of another size than the image
 * is resized to it (bilinear). Any thread.
 */
RgbImage overlayHeatMap(const RgbImage& image, const HeatMap& map, float opacity = 0.5f);

} // namespace tstudio::imaging
