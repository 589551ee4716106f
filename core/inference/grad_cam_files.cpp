#include "core/inference/grad_cam_files.h"

#include <set>
#include <system_error>

#include "core/imaging/heat_map_overlay.h"
#include "core/imaging/png_encoder.h"
#include "core/inference/npy_writer.h"

namespace tstudio::inference {

std::vector<std::string> uniqueStems(const std::vector<std::filesystem::path>& inputs) {
    std::vector<std::string> stems;
    std::set<std::string> used;
    for (const std::filesystem::path& input : inputs) {
        const std::string stem = input.stem().string();
        std::string name = stem;
        // A later input's own stem may look like an earlier suffix ("x-2"): skip taken names.
        for (int n = 2; !used.insert(name).second; ++n) {
            name = stem;
            name += '-';
            name += std::to_string(n);
        }
        stems.push_back(std::move(name));
    }
    return stems;
}

Status writeGradCamFiles(const std::filesystem::path& dir, const std::string& stem,
                         const imaging::RgbImage& image, const imaging::HeatMap& map,
                         float opacity) {
    if (map.width != image.width || map.height != image.height) {
        return fail("The Grad-CAM map of " + stem + " does not have the image's size.");
    }
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
        return fail("Cannot create the folder " + dir.string() + ": " + error.message());
    }
    std::string png = stem;
    png += ".gradcam.png";
    if (Status written = imaging::writePng(imaging::overlayHeatMap(image, map, opacity), dir / png);
        !written) {
        return written;
    }
    std::string npy = stem;
    npy += ".cam.npy";
    return writeNpy(dir / npy, map.values, map.height, map.width);
}

} // namespace tstudio::inference
