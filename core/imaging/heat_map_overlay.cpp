#include "core/imaging/heat_map_overlay.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace tstudio::imaging {

RgbImage overlayHeatMap(const RgbImage& image, const HeatMap& map, float opacity) {
    opacity = std::clamp(opacity, 0.0f, 1.0f);
    if (image.empty() || map.empty() || opacity == 0.0f) {
        return image;
    }
    cv::Mat values(map.height, map.width, CV_32F, const_cast<float*>(map.values.data()));
    cv::Mat scaled;
    if (map.width != image.width || map.height != image.height) {
        cv::resize(values, scaled, cv::Size(image.width, image.height), 0, 0, cv::INTER_LINEAR);
    } else {
        scaled = values;
    }
    cv::Mat bytes;
    scaled.convertTo(bytes, CV_8U, 255.0);
    cv::Mat colours; // BGR
    cv::applyColorMap(bytes, colours, cv::COLORMAP_JET);

    RgbImage out = image;
    for (int y = 0; y < image.height; ++y) {
        const float* v = scaled.ptr<float>(y);
        const cv::Vec3b* c = colours.ptr<cv::Vec3b>(y);
        std::uint8_t* px = out.row(y);
        for (int x = 0; x < image.width; ++x, px += 3) {
            // Weighting the colour by the value keeps the unexplained parts of the photo legible.
            const float a = opacity * std::clamp(v[x], 0.0f, 1.0f);
            for (int k = 0; k < 3; ++k) {
                const float colour = c[x][2 - k];
                px[k] = static_cast<std::uint8_t>(
                    std::lround((1.0f - a) * static_cast<float>(px[k]) + a * colour));
            }
        }
    }
    return out;
}

} // namespace tstudio::imaging
