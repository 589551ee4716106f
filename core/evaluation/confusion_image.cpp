#include "core/evaluation/confusion_image.h"

#include <algorithm>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace tstudio::evaluation {

namespace {

constexpr int kFont = cv::FONT_HERSHEY_SIMPLEX;
constexpr double kLabelScale = 0.5;
constexpr double kTitleScale = 0.6;
constexpr int kPad = 12;
constexpr std::size_t kLongestName = 28;
const cv::Scalar kInk(30, 30, 30);
const cv::Scalar kPaper(255, 255, 255);

/** Hershey fonts draw ASCII only; long names would push the grid off the image. */
std::string drawable(const std::string& name) {
    std::string text;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 && byte < 0xC0) {
            continue; // a UTF-8 continuation byte: one '?' per letter
        }
        text += byte >= 0x20 && byte < 0x7F ? c : '?';
    }
    if (text.size() > kLongestName) {
        text = text.substr(0, kLongestName - 2) + "..";
    }
    return text;
}

cv::Size textSize(const std::string& text, double scale, int thickness = 1) {
    int baseline = 0;
    cv::Size size = cv::getTextSize(text, kFont, scale, thickness, &baseline);
    size.height += baseline;
    return size;
}

/** Text rotated a quarter turn anticlockwise (read bottom to top), its top-left corner at
    origin after rotation. */
void putVerticalText(cv::Mat& canvas, const std::string& text, double scale, cv::Point origin) {
    const cv::Size size = textSize(text, scale);
    cv::Mat strip(size.height, size.width, CV_8UC3, kPaper);
    int baseline = 0;
    cv::getTextSize(text, kFont, scale, 1, &baseline);
    cv::putText(strip, text, cv::Point(0, size.height - baseline), kFont, scale, kInk, 1,
                cv::LINE_AA);
    cv::Mat turned;
    cv::rotate(strip, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
    const cv::Rect target(origin, turned.size());
    if ((target & cv::Rect(0, 0, canvas.cols, canvas.rows)) == target) {
        turned.copyTo(canvas(target));
    }
}

/** White to a dark blue, like matplotlib's "Blues". */
cv::Scalar shadeColour(double shade) {
    const double s = std::clamp(shade, 0.0, 1.0);
    const cv::Vec3d light(255, 250, 247), dark(107, 48, 8); // BGR
    const cv::Vec3d c = light + (dark - light) * s;
    return cv::Scalar(c[0], c[1], c[2]);
}

} // namespace

Result<std::string> heatMapPng(const HeatMap& map) {
    const int n = static_cast<int>(map.classes.size());
    if (n == 0 || map.shade.size() != map.classes.size() || map.text.size() != map.classes.size()) {
        return fail("A confusion matrix needs one row per class.");
    }
    // Big cells for a few classes, small ones for many, so the image stays a readable size.
    const int cell = std::clamp(720 / n, 28, 120);
    std::vector<std::string> names;
    int longest = 0;
    for (const std::string& name : map.classes) {
        names.push_back(drawable(name));
        longest = std::max(longest, textSize(names.back(), kLabelScale).width);
    }
    // The cell text's scale: the widest value fits the cell with a margin.
    int widestValue = 1;
    for (const auto& row : map.text) {
        for (const std::string& value : row) {
            widestValue = std::max(widestValue, textSize(value, 1.0).width);
        }
    }
    const double valueScale =
        std::clamp(0.8 * cell / widestValue, 0.3, std::min(0.9, cell / 40.0 + 0.2));

    const int titleHeight = textSize("Ag", kTitleScale).height;
    const int left = kPad + titleHeight + kPad + longest + kPad;
    const int top = kPad + titleHeight + kPad;
    const int grid = cell * n;
    const int width = std::max(left + grid + kPad, left + textSize(map.title, kTitleScale).width);
    const int height = top + grid + kPad + longest + kPad + titleHeight + kPad;
    cv::Mat canvas(height, width, CV_8UC3, kPaper);

    cv::putText(canvas, map.title, cv::Point(left, kPad + titleHeight - 4), kFont, kTitleScale,
                kInk, 1, cv::LINE_AA);
    for (int t = 0; t < n; ++t) {
        for (int p = 0; p < n; ++p) {
            const auto ti = static_cast<std::size_t>(t);
            const auto pi = static_cast<std::size_t>(p);
            const double shade = pi < map.shade[ti].size() ? map.shade[ti][pi] : 0.0;
            const cv::Rect box(left + p * cell, top + t * cell, cell, cell);
            cv::rectangle(canvas, box, shadeColour(shade), cv::FILLED);
            cv::rectangle(canvas, box, cv::Scalar(220, 220, 220), 1);
            const std::string value = pi < map.text[ti].size() ? map.text[ti][pi] : std::string();
            int baseline = 0;
            const cv::Size size = cv::getTextSize(value, kFont, valueScale, 1, &baseline);
            // White on the dark half of the scale, dark ink on the light half.
            const cv::Scalar ink = shade > 0.5 ? kPaper : kInk;
            cv::putText(
                canvas, value,
                cv::Point(box.x + (cell - size.width) / 2, box.y + (cell + size.height) / 2), kFont,
                valueScale, ink, 1, cv::LINE_AA);
        }
        // Row names right-aligned against the grid.
        const std::string& name = names[static_cast<std::size_t>(t)];
        const cv::Size size = textSize(name, kLabelScale);
        cv::putText(
            canvas, name,
            cv::Point(left - kPad - size.width, top + t * cell + (cell + size.height) / 2 - 3),
            kFont, kLabelScale, kInk, 1, cv::LINE_AA);
        // Column names below the grid, reading upwards, their ends against the grid.
        const int x = left + t * cell + (cell - size.height) / 2;
        putVerticalText(canvas, name, kLabelScale, cv::Point(x, top + grid + kPad));
    }
    cv::rectangle(canvas, cv::Rect(left, top, grid, grid), kInk, 1);

    const cv::Size predictedSize = textSize("predicted", kTitleScale);
    cv::putText(canvas, "predicted",
                cv::Point(left + (grid - predictedSize.width) / 2, height - kPad - 4), kFont,
                kTitleScale, kInk, 1, cv::LINE_AA);
    const cv::Size trueSize = textSize("true", kTitleScale);
    putVerticalText(canvas, "true", kTitleScale,
                    cv::Point(kPad, top + (grid - trueSize.width) / 2));

    std::vector<uchar> png;
    if (!cv::imencode(".png", canvas, png)) {
        return fail("OpenCV could not encode the confusion matrix as PNG.");
    }
    return std::string(png.begin(), png.end());
}

} // namespace tstudio::evaluation
