#include "core/data/demo_dataset.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <numbers>
#include <random>
#include <system_error>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace tstudio::data {

namespace fs = std::filesystem;

namespace {

enum class Shape { Circle, Square, Star, Triangle };
constexpr std::array kShapes{Shape::Circle, Shape::Square, Shape::Star, Shape::Triangle};

double luminance(const cv::Scalar& bgr) {
    return 0.114 * bgr[0] + 0.587 * bgr[1] + 0.299 * bgr[2];
}

cv::Scalar randomColor(std::mt19937_64& rng) {
    std::uniform_int_distribution<int> channel(0, 255);
    return {static_cast<double>(channel(rng)), static_cast<double>(channel(rng)),
            static_cast<double>(channel(rng))};
}

/** Corners of a regular polygon (or, with inner > 0, a star) around center. */
std::vector<cv::Point> polygon(cv::Point2d center, double radius, int corners, double rotation,
                               double inner = 0.0) {
    std::vector<cv::Point> points;
    const int count = inner > 0.0 ? corners * 2 : corners;
    for (int i = 0; i < count; ++i) {
        const double r = (inner > 0.0 && i % 2 == 1) ? radius * inner : radius;
        const double angle = rotation + 2.0 * std::numbers::pi * i / count;
        points.emplace_back(cvRound(center.x + r * std::cos(angle)),
                            cvRound(center.y + r * std::sin(angle)));
    }
    return points;
}

/** One image of shape: random background and shape colours far enough apart to see, noise. */
cv::Mat drawShape(Shape shape, int size, std::mt19937_64& rng) {
    cv::Scalar background = randomColor(rng);
    cv::Scalar foreground = randomColor(rng);
    while (std::abs(luminance(background) - luminance(foreground)) < 70.0) {
        foreground = randomColor(rng);
    }
    cv::Mat image(size, size, CV_8UC3, background);

    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double radius = size * (0.16 + 0.16 * unit(rng));
    const double margin = radius + 2.0;
    const cv::Point2d center(margin + unit(rng) * (size - 2.0 * margin),
                             margin + unit(rng) * (size - 2.0 * margin));
    const double rotation = unit(rng) * 2.0 * std::numbers::pi;
    switch (shape) {
    case Shape::Circle:
        cv::circle(image, center, cvRound(radius), foreground, cv::FILLED, cv::LINE_AA);
        break;
    case Shape::Square:
        cv::fillConvexPoly(image, polygon(center, radius, 4, rotation), foreground, cv::LINE_AA);
        break;
    case Shape::Triangle:
        cv::fillConvexPoly(image, polygon(center, radius, 3, rotation), foreground, cv::LINE_AA);
        break;
    case Shape::Star: {
        const std::vector<std::vector<cv::Point>> star{
            polygon(center, radius * 1.15, 5, rotation, 0.45)};
        cv::fillPoly(image, star, foreground, cv::LINE_AA);
        break;
    }
    }

    // Sensor-like noise so no two images of a class are trivially alike.
    cv::Mat noise(image.size(), CV_16SC3);
    cv::RNG cvRng(rng());
    cvRng.fill(noise, cv::RNG::NORMAL, 0.0, 4.0 + 8.0 * unit(rng));
    cv::Mat noisy;
    image.convertTo(noisy, CV_16SC3);
    noisy += noise;
    noisy.convertTo(image, CV_8UC3);
    return image;
}

Status writeImage(const fs::path& path, const cv::Mat& image) {
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, 92})) {
        return fail("Could not encode the demo image " + path.string() + ".");
    }
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        return fail("Could not write " + path.string() +
                    ": check that the disk has space and the folder is writable.");
    }
    return success();
}

std::string className(Shape shape) {
    switch (shape) {
    case Shape::Circle:
        return "circle";
    case Shape::Square:
        return "square";
    case Shape::Star:
        return "star";
    case Shape::Triangle:
        return "triangle";
    }
    return {};
}

Status writeSplit(const fs::path& root, const std::string& split, int perClass, int size,
                  std::uint64_t seed) {
    for (std::size_t c = 0; c < kShapes.size(); ++c) {
        const fs::path folder = root / split / className(kShapes[c]);
        fs::create_directories(folder);
        for (int i = 0; i < perClass; ++i) {
            // One generator per image, seeded from (seed, split, class, index): any image can be
            // regenerated alone, and changing the count of one split leaves the other alone.
            std::seed_seq seq{static_cast<std::uint32_t>(seed),
                              static_cast<std::uint32_t>(seed >> 32),
                              static_cast<std::uint32_t>(split == "train" ? 1 : 2),
                              static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(i)};
            std::mt19937_64 rng(seq);
            char name[32];
            std::snprintf(name, sizeof name, "%s_%03d.jpg", className(kShapes[c]).c_str(), i);
            if (Status written = writeImage(folder / name, drawShape(kShapes[c], size, rng));
                !written) {
                return written;
            }
        }
    }
    return success();
}

} // namespace

const std::vector<std::string>& demoDatasetClasses() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list;
        for (Shape shape : kShapes) {
            list.push_back(className(shape));
        }
        return list;
    }();
    return names;
}

Result<fs::path> generateDemoDataset(const fs::path& dir, const DemoDatasetOptions& options) {
    if (options.trainPerClass < 1 || options.valPerClass < 0 || options.imageSize < 32) {
        return fail("The demo dataset needs at least one training image per class and images of "
                    "at least 32 pixels.");
    }
    const fs::path target = dir.lexically_normal();
    const fs::path parent = target.parent_path();
    const std::string name = target.filename().string();
    const fs::path staging = parent / ("." + name + ".writing");
    const fs::path old = parent / ("." + name + ".old");
    try {
        fs::create_directories(parent);
        fs::remove_all(staging);
        fs::remove_all(old);
        if (Status train = writeSplit(staging, "train", options.trainPerClass, options.imageSize,
                                      options.seed);
            !train) {
            fs::remove_all(staging);
            return train.error();
        }
        if (Status val =
                writeSplit(staging, "val", options.valPerClass, options.imageSize, options.seed);
            !val) {
            fs::remove_all(staging);
            return val.error();
        }
        // Swap in the finished folder: a reader sees the old demo or the new one, and a crash
        // leaves at worst a hidden folder that the next run clears.
        if (fs::exists(target)) {
            fs::rename(target, old);
        }
        fs::rename(staging, target);
        fs::remove_all(old);
    } catch (const fs::filesystem_error& e) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        return fail("Could not write the demo dataset to " + target.string() + ": " +
                    e.code().message() + ". Choose a folder you can write to.");
    } catch (const cv::Exception& e) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        return fail("Could not draw the demo dataset: " + e.msg);
    }
    return target;
}

} // namespace tstudio::data
