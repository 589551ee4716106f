#include "core/imaging/resample.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace tstudio::imaging {

namespace {

// Pillow's Resample.c: coefficients in fixed point with 32 - 8 - 2 fractional bits.
constexpr int kPrecisionBits = 32 - 8 - 2;

double bilinear(double x) {
    x = std::abs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

double bicubic(double x) {
    constexpr double a = -0.5; // Pillow's choice (OpenCV uses -0.75)
    x = std::abs(x);
    if (x < 1.0) {
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    }
    if (x < 2.0) {
        return (((x - 5) * x + 8) * x - 4) * a;
    }
    return 0.0;
}

/** For each output index: the first input index, the tap count and the fixed-point taps. */
struct Coefficients {
    int taps = 0;           ///< stride of weights per output index
    std::vector<int> first; ///< first input index
    std::vector<int> count; ///< number of inputs used
    std::vector<std::int32_t> weights;
};

Coefficients precompute(int inSize, int outSize, ResampleFilter filter) {
    const double support1 = filter == ResampleFilter::Bicubic ? 2.0 : 1.0;
    double (*kernel)(double) = filter == ResampleFilter::Bicubic ? bicubic : bilinear;
    const double scale = static_cast<double>(inSize) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = support1 * filterScale;

    Coefficients c;
    c.taps = static_cast<int>(std::ceil(support)) * 2 + 1;
    c.first.resize(static_cast<std::size_t>(outSize));
    c.count.resize(static_cast<std::size_t>(outSize));
    c.weights.assign(static_cast<std::size_t>(outSize) * c.taps, 0);
    std::vector<double> k(static_cast<std::size_t>(c.taps));
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        // Pillow rounds with (int)(v + 0.5), i.e. truncation toward zero: keep that.
        const int xmin = std::max(static_cast<int>(center - support + 0.5), 0);
        const int xmax = std::min(static_cast<int>(center + support + 0.5), inSize) - xmin;
        double sum = 0.0;
        for (int x = 0; x < xmax; ++x) {
            k[static_cast<std::size_t>(x)] = kernel((x + xmin - center + 0.5) / filterScale);
            sum += k[static_cast<std::size_t>(x)];
        }
        for (int x = 0; x < xmax; ++x) {
            const double w =
                sum != 0.0 ? k[static_cast<std::size_t>(x)] / sum : k[static_cast<std::size_t>(x)];
            const double fixed = w * (1 << kPrecisionBits);
            c.weights[static_cast<std::size_t>(xx) * c.taps + x] =
                static_cast<std::int32_t>(w < 0 ? -0.5 + fixed : 0.5 + fixed);
        }
        c.first[static_cast<std::size_t>(xx)] = xmin;
        c.count[static_cast<std::size_t>(xx)] = xmax;
    }
    return c;
}

std::uint8_t clip8(std::int32_t value) {
    return static_cast<std::uint8_t>(std::clamp(value >> kPrecisionBits, 0, 255));
}

/** Rows [rowBegin, rowBegin + out.height) of in, resampled horizontally into out. */
void horizontalPass(const RgbImage& in, int rowBegin, const Coefficients& c, RgbImage& out) {
    for (int y = 0; y < out.height; ++y) {
        const std::uint8_t* src = in.row(y + rowBegin);
        std::uint8_t* dst = out.row(y);
        for (int xx = 0; xx < out.width; ++xx) {
            const std::int32_t* k = &c.weights[static_cast<std::size_t>(xx) * c.taps];
            const std::uint8_t* p =
                src + static_cast<std::size_t>(c.first[static_cast<std::size_t>(xx)]) * 3;
            std::int32_t s0 = 1 << (kPrecisionBits - 1);
            std::int32_t s1 = s0;
            std::int32_t s2 = s0;
            for (int x = 0; x < c.count[static_cast<std::size_t>(xx)]; ++x, p += 3) {
                s0 += p[0] * k[x];
                s1 += p[1] * k[x];
                s2 += p[2] * k[x];
            }
            dst[xx * 3 + 0] = clip8(s0);
            dst[xx * 3 + 1] = clip8(s1);
            dst[xx * 3 + 2] = clip8(s2);
        }
    }
}

/** in resampled vertically into out; rowShift moves the coefficient rows into in's frame. */
void verticalPass(const RgbImage& in, int rowShift, const Coefficients& c, RgbImage& out) {
    const std::size_t rowBytes = static_cast<std::size_t>(in.width) * 3;
    for (int yy = 0; yy < out.height; ++yy) {
        const std::int32_t* k = &c.weights[static_cast<std::size_t>(yy) * c.taps];
        const int first = c.first[static_cast<std::size_t>(yy)] - rowShift;
        const int count = c.count[static_cast<std::size_t>(yy)];
        std::uint8_t* dst = out.row(yy);
        for (std::size_t i = 0; i < rowBytes; ++i) {
            std::int32_t s = 1 << (kPrecisionBits - 1);
            for (int y = 0; y < count; ++y) {
                s += in.row(first + y)[i] * k[y];
            }
            dst[i] = clip8(s);
        }
    }
}

RgbImage blank(int width, int height) {
    RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<std::size_t>(width) * height * 3);
    return image;
}

} // namespace

RgbImage resample(const RgbImage& image, int width, int height, ResampleFilter filter) {
    const bool horizontal = width != image.width;
    const bool vertical = height != image.height;
    if (!horizontal && !vertical) {
        return image;
    }
    const Coefficients rows = precompute(image.height, height, filter);
    if (!horizontal) {
        RgbImage out = blank(width, height);
        verticalPass(image, 0, rows, out);
        return out;
    }
    // Like Pillow, resample horizontally only the input rows the vertical pass will read.
    const int firstRow = rows.first.front();
    const int lastRow = rows.first.back() + rows.count.back();
    RgbImage wide = blank(width, lastRow - firstRow);
    horizontalPass(image, firstRow, precompute(image.width, width, filter), wide);
    if (!vertical) {
        return wide;
    }
    RgbImage out = blank(width, height);
    verticalPass(wide, firstRow, rows, out);
    return out;
}

} // namespace tstudio::imaging
