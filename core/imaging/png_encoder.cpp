#include "core/imaging/png_encoder.h"

#include <string_view>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/common/atomic_file.h"

namespace tstudio::imaging {

Status writePng(const RgbImage& image, const std::filesystem::path& file) {
    const cv::Mat rgb(image.height, image.width, CV_8UC3,
                      const_cast<std::uint8_t*>(image.pixels.data())); // read only
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(".png", bgr, bytes)) {
        return fail(file.string() + ": the image could not be encoded as PNG");
    }
    return writeFileAtomically(
        file, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

} // namespace tstudio::imaging
