#pragma once

// Public, torch-free: the files `--gradcam DIR` writes for each image, shared by
// `tstudio predict` and `tstudio classify` (and any GUI export of the same thing).

#include <filesystem>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/imaging/heat_map.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::inference {

/**
 * One output stem per input, in order: the file's stem, with "-2", "-3", ... appended where an
 * earlier input had the same stem (a/x.jpg, b/x.png -> "x", "x-2"), so outputs never overwrite
 * each other. Any thread.
 */
std::vector<std::string> uniqueStems(const std::vector<std::filesystem::path>& inputs);

/**
 * Writes dir/<stem>.gradcam.png (image with map overlaid, overlayHeatMap at opacity) and
 * dir/<stem>.cam.npy (float32 [height, width] of the image's own size, values 0..1, 0 outside
 * the model's crop), each atomically; creates dir when missing. Fails with a message naming the
 * file. Any thread.
 */
Status writeGradCamFiles(const std::filesystem::path& dir, const std::string& stem,
                         const imaging::RgbImage& image, const imaging::HeatMap& map,
                         float opacity = 0.5f);

} // namespace tstudio::inference
