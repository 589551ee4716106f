#include "core/data/augmentation.h"

#include <algorithm>
#include <cmath>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace tstudio::data {

namespace {

using imaging::RgbImage;

/** Uniform float in [lo, hi] from 53 random bits: std distributions differ between libraries. */
double uniform(std::mt19937_64& rng, double lo, double hi) {
    const double unit = static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
    return lo + (hi - lo) * unit;
}

bool chance(std::mt19937_64& rng, float probability) {
    // Draw even at 0 and 1, so turning one augmentation on does not shift the others' draws.
    const double draw = uniform(rng, 0, 1);
    return draw < probability;
}

int uniformInt(std::mt19937_64& rng, int lo, int hi) {
    return lo + static_cast<int>(std::min<double>(uniform(rng, 0, 1) * (hi - lo + 1), hi - lo));
}

cv::Mat view(RgbImage& image) {
    return cv::Mat(image.height, image.width, CV_8UC3, image.pixels.data());
}

RgbImage fromMat(const cv::Mat& mat) {
    RgbImage out;
    out.width = mat.cols;
    out.height = mat.rows;
    out.pixels.resize(static_cast<std::size_t>(mat.cols) * mat.rows * 3);
    mat.copyTo(view(out));
    return out;
}

void resizeInto(const cv::Mat& src, cv::Mat& dst, int width, int height) {
    const bool shrinkALot = src.cols > 2 * width && src.rows > 2 * height;
    cv::resize(src, dst, cv::Size(width, height), 0, 0,
               shrinkALot ? cv::INTER_AREA : cv::INTER_LINEAR);
}

/** torchvision's RandomResizedCrop.get_params: 10 tries, then a centre crop. */
cv::Rect cropRect(int width, int height, const AugmentationConfig::ResizedCrop& c,
                  std::mt19937_64& rng) {
    const double area = static_cast<double>(width) * height;
    const double logMin = std::log(c.ratioMin);
    const double logMax = std::log(c.ratioMax);
    for (int attempt = 0; attempt < 10; ++attempt) {
        const double target = area * uniform(rng, c.scaleMin, c.scaleMax);
        const double ratio = std::exp(uniform(rng, logMin, logMax));
        const int w = static_cast<int>(std::lround(std::sqrt(target * ratio)));
        const int h = static_cast<int>(std::lround(std::sqrt(target / ratio)));
        if (w > 0 && h > 0 && w <= width && h <= height) {
            const int y = uniformInt(rng, 0, height - h);
            const int x = uniformInt(rng, 0, width - w);
            return {x, y, w, h};
        }
    }
    const double inRatio = static_cast<double>(width) / height;
    int w = width;
    int h = height;
    if (inRatio < c.ratioMin) {
        h = static_cast<int>(std::lround(w / c.ratioMin));
    } else if (inRatio > c.ratioMax) {
        w = static_cast<int>(std::lround(h * c.ratioMax));
    }
    w = std::clamp(w, 1, width);
    h = std::clamp(h, 1, height);
    return {(width - w) / 2, (height - h) / 2, w, h};
}

void jitter(cv::Mat& rgb, const AugmentationConfig::ColorJitter& j, std::mt19937_64& rng) {
    const double b = uniform(rng, std::max(0.0, 1.0 - j.brightness), 1.0 + j.brightness);
    const double c = uniform(rng, std::max(0.0, 1.0 - j.contrast), 1.0 + j.contrast);
    const double s = uniform(rng, std::max(0.0, 1.0 - j.saturation), 1.0 + j.saturation);
    const double h = uniform(rng, -j.hue, j.hue);
    rgb.convertTo(rgb, -1, b, 0);
    if (c != 1.0) {
        cv::Mat gray;
        cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
        // torchvision blends with the mean of the grayscale image.
        const double mean = cv::mean(gray)[0];
        rgb.convertTo(rgb, -1, c, (1.0 - c) * mean);
    }
    if (s != 1.0) {
        cv::Mat gray;
        cv::Mat gray3;
        cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
        cv::cvtColor(gray, gray3, cv::COLOR_GRAY2RGB);
        cv::addWeighted(rgb, s, gray3, 1.0 - s, 0, rgb);
    }
    if (h != 0.0) {
        cv::Mat hsv;
        // The _FULL variant maps hue to 0..255, so a shift wraps with uint8 arithmetic.
        cv::cvtColor(rgb, hsv, cv::COLOR_RGB2HSV_FULL);
        const auto shift = static_cast<std::uint8_t>(static_cast<int>(std::lround(h * 256)) & 0xff);
        for (int y = 0; y < hsv.rows; ++y) {
            auto* p = hsv.ptr<std::uint8_t>(y);
            for (int x = 0; x < hsv.cols; ++x) {
                p[3 * x] = static_cast<std::uint8_t>(p[3 * x] + shift);
            }
        }
        cv::cvtColor(hsv, rgb, cv::COLOR_HSV2RGB_FULL);
    }
}

void erase(cv::Mat& rgb, const AugmentationConfig::Erasing& e, std::mt19937_64& rng) {
    const double area = static_cast<double>(rgb.cols) * rgb.rows;
    const double logMin = std::log(e.ratioMin);
    const double logMax = std::log(e.ratioMax);
    for (int attempt = 0; attempt < 10; ++attempt) {
        const double target = area * uniform(rng, e.scaleMin, e.scaleMax);
        const double ratio = std::exp(uniform(rng, logMin, logMax));
        const int h = static_cast<int>(std::lround(std::sqrt(target * ratio)));
        const int w = static_cast<int>(std::lround(std::sqrt(target / ratio)));
        if (w < rgb.cols && h < rgb.rows && w > 0 && h > 0) {
            const int y = uniformInt(rng, 0, rgb.rows - h);
            const int x = uniformInt(rng, 0, rgb.cols - w);
            rgb(cv::Rect(x, y, w, h)).setTo(cv::Scalar(124, 116, 104)); // ImageNet mean * 255
            return;
        }
    }
}

} // namespace

RgbImage augmentImage(const RgbImage& image, const AugmentationConfig& config,
                      std::mt19937_64& rng) {
    // Read only: every path below writes into a new matrix first (crop or clone).
    const cv::Mat source(image.height, image.width, CV_8UC3,
                         const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat rgb;
    if (config.crop.enabled) {
        const cv::Rect rect = cropRect(source.cols, source.rows, config.crop, rng);
        resizeInto(source(rect), rgb, config.crop.size, config.crop.size);
    } else {
        rgb = source.clone();
    }
    const bool flipH = chance(rng, config.horizontalFlip);
    const bool flipV = chance(rng, config.verticalFlip);
    if (flipH || flipV) {
        cv::flip(rgb, rgb, flipH && flipV ? -1 : (flipH ? 1 : 0));
    }
    if (chance(rng, config.rotation.probability)) {
        const double angle = uniform(rng, -config.rotation.degrees, config.rotation.degrees);
        const cv::Mat m = cv::getRotationMatrix2D(
            cv::Point2f(static_cast<float>(rgb.cols) / 2.0f, static_cast<float>(rgb.rows) / 2.0f),
            angle, 1.0);
        cv::Mat rotated;
        cv::warpAffine(rgb, rotated, m, rgb.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                       cv::Scalar(0, 0, 0));
        rgb = rotated;
    }
    if (chance(rng, config.colorJitter.probability)) {
        jitter(rgb, config.colorJitter, rng);
    }
    if (chance(rng, config.grayscale)) {
        cv::Mat gray;
        cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
        cv::cvtColor(gray, rgb, cv::COLOR_GRAY2RGB);
    }
    if (chance(rng, config.blur.probability)) {
        const int k = std::max(1, config.blur.kernel | 1);
        const double sigma = uniform(rng, config.blur.sigmaMin, config.blur.sigmaMax);
        cv::GaussianBlur(rgb, rgb, cv::Size(k, k), sigma);
    }
    if (chance(rng, config.erasing.probability)) {
        erase(rgb, config.erasing, rng);
    }
    return fromMat(rgb);
}

std::vector<RgbImage> previewAugmentations(const RgbImage& image, const AugmentationConfig& config,
                                           int count, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<RgbImage> out;
    out.reserve(static_cast<std::size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i) {
        out.push_back(augmentImage(image, config, rng));
    }
    return out;
}

} // namespace tstudio::data
