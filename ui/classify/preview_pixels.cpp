#include "ui/classify/preview_pixels.h"

#include "ui/common/rgb_qimage.h"

#include <algorithm>
#include <cstring>

namespace tstudio::ui {

imaging::RgbImage shrinkToFit(const imaging::RgbImage& image, int maxSide) {
    if (image.empty() || std::max(image.width, image.height) <= maxSide) {
        return image;
    }
    const QImage scaled =
        borrowedQImage(image)
            .scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            .convertToFormat(QImage::Format_RGB888);
    imaging::RgbImage out;
    out.width = scaled.width();
    out.height = scaled.height();
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y) {
        std::memcpy(out.row(y), scaled.constScanLine(y), static_cast<std::size_t>(out.width) * 3);
    }
    return out;
}

imaging::HeatMap resizeHeatMap(const imaging::HeatMap& map, int width, int height) {
    imaging::HeatMap out;
    out.classIndex = map.classIndex;
    if (map.empty() || width <= 0 || height <= 0) {
        return out;
    }
    out.width = width;
    out.height = height;
    out.values.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    const float sx = static_cast<float>(map.width) / static_cast<float>(width);
    const float sy = static_cast<float>(map.height) / static_cast<float>(height);
    for (int y = 0; y < height; ++y) {
        const float fy = std::clamp((static_cast<float>(y) + 0.5F) * sy - 0.5F, 0.0F,
                                    static_cast<float>(map.height - 1));
        const int y0 = static_cast<int>(fy);
        const int y1 = std::min(y0 + 1, map.height - 1);
        const float wy = fy - static_cast<float>(y0);
        for (int x = 0; x < width; ++x) {
            const float fx = std::clamp((static_cast<float>(x) + 0.5F) * sx - 0.5F, 0.0F,
                                        static_cast<float>(map.width - 1));
            const int x0 = static_cast<int>(fx);
            const int x1 = std::min(x0 + 1, map.width - 1);
            const float wx = fx - static_cast<float>(x0);
            const float top = map.at(x0, y0) * (1.0F - wx) + map.at(x1, y0) * wx;
            const float bottom = map.at(x0, y1) * (1.0F - wx) + map.at(x1, y1) * wx;
            out.values[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                       static_cast<std::size_t>(x)] = top * (1.0F - wy) + bottom * wy;
        }
    }
    return out;
}

QImage toQImage(const imaging::RgbImage& image) {
    if (image.empty()) {
        return {};
    }
    return borrowedQImage(image).convertToFormat(QImage::Format_RGB32); // a deep copy
}

} // namespace tstudio::ui
