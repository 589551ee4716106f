#include "dataset_fixtures.h"

#include <fstream>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QtGlobal>

namespace tstudio::test {

void writeBytes(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        qFatal("cannot write %s", path.string().c_str());
    }
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    writeBytes(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

namespace {

cv::Mat pattern(int width, int height, int seed) {
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>((x * 7 + seed * 31) % 256),
                                                  static_cast<uchar>((y * 5 + seed * 17) % 256),
                                                  static_cast<uchar>((x + y + seed * 3) % 256));
        }
    }
    return image;
}

std::vector<std::uint8_t> encode(const cv::Mat& image, const std::string& ext) {
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(ext, image, bytes)) {
        qFatal("OpenCV cannot encode %s", ext.c_str());
    }
    return bytes;
}

void putBigEndian(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(value >> shift));
    }
}

} // namespace

std::vector<std::uint8_t> pngBytes(int width, int height, int seed) {
    return encode(pattern(width, height, seed), ".png");
}

std::vector<std::uint8_t> jpegBytes(int width, int height, int seed) {
    return encode(pattern(width, height, seed), ".jpg");
}

std::vector<std::uint8_t> cifarBatch(int records) {
    std::vector<std::uint8_t> out;
    for (int r = 0; r < records; ++r) {
        out.push_back(static_cast<std::uint8_t>(r % 10));
        for (int c = 0; c < 3; ++c) {
            for (int i = 0; i < 1024; ++i) {
                out.push_back(static_cast<std::uint8_t>((r + c * 50 + i) % 256));
            }
        }
    }
    return out;
}

std::vector<std::uint8_t> idxImages(int count, int rows, int cols) {
    std::vector<std::uint8_t> out;
    putBigEndian(out, 0x803);
    putBigEndian(out, static_cast<std::uint32_t>(count));
    putBigEndian(out, static_cast<std::uint32_t>(rows));
    putBigEndian(out, static_cast<std::uint32_t>(cols));
    for (int i = 0; i < count; ++i) {
        for (int p = 0; p < rows * cols; ++p) {
            out.push_back(static_cast<std::uint8_t>((i + p) % 256));
        }
    }
    return out;
}

std::vector<std::uint8_t> idxLabels(int count) {
    std::vector<std::uint8_t> out;
    putBigEndian(out, 0x801);
    putBigEndian(out, static_cast<std::uint32_t>(count));
    for (int i = 0; i < count; ++i) {
        out.push_back(static_cast<std::uint8_t>(i % 10));
    }
    return out;
}

} // namespace tstudio::test
