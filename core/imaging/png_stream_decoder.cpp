#include "core/imaging/png_stream_decoder.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include <png.h>

namespace tstudio::imaging {

namespace {

/** libpng's reader over bytes in memory; messages land here instead of stderr. */
struct Source {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    std::size_t at = 0;
    char message[256] = {};
};

void readFromMemory(png_structp png, png_bytep out, png_size_t length) {
    auto* source = static_cast<Source*>(png_get_io_ptr(png));
    if (length > source->size - source->at) {
        png_error(png, "the data ends early (truncated file)");
    }
    std::memcpy(out, source->data + source->at, length);
    source->at += length;
}

void onError(png_structp png, png_const_charp message) {
    auto* source = static_cast<Source*>(png_get_error_ptr(png));
    std::snprintf(source->message, sizeof source->message, "%s", message);
    png_longjmp(png, 1);
}

void onWarning(png_structp, png_const_charp) {}

/** Owns libpng's read structs. */
struct PngReader {
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngReader() { png_destroy_read_struct(&png, info ? &info : nullptr, nullptr); }
};

struct Geometry {
    png_uint_32 width = 0;
    png_uint_32 height = 0;
    bool interlaced = false;
};

/*
 * The two functions below are the only ones libpng longjmps into: their locals are all trivially
 * destructible, so jumping out of libpng skips no destructor. Buffers are owned by the caller.
 */

bool readHeader(png_structp png, png_infop info, Geometry& geometry) {
    if (setjmp(png_jmpbuf(png))) {
        return false;
    }
    png_read_info(png, info);
    int bitDepth = 0, colorType = 0, interlace = 0;
    png_get_IHDR(png, info, &geometry.width, &geometry.height, &bitDepth, &colorType, &interlace,
                 nullptr, nullptr);
    geometry.interlaced = interlace != PNG_INTERLACE_NONE;
    // The same colour rules as the OpenCV path: high byte of 16 bits, palette and gray to RGB,
    // alpha dropped without blending.
    png_set_strip_16(png);
    if (colorType == PNG_COLOR_TYPE_PALETTE) {
        png_set_palette_to_rgb(png);
    }
    if ((colorType & PNG_COLOR_MASK_COLOR) == 0) {
        if (bitDepth < 8) {
            png_set_expand_gray_1_2_4_to_8(png);
        }
        png_set_gray_to_rgb(png);
    }
    png_set_strip_alpha(png);
    png_read_update_info(png, info);
    if (png_get_channels(png, info) != 3 || png_get_bit_depth(png, info) != 8) {
        png_error(png, "unsupported pixel layout after conversion to 8-bit RGB");
    }
    return true;
}

/** What the row loop writes into: one row of source pixels and the per-block channel sums. */
struct Accumulator {
    int width = 0, height = 0, factor = 1, outWidth = 0, outHeight = 0;
    std::uint8_t* row = nullptr;   ///< one source (or pass) row, width * 3
    std::uint32_t* sums = nullptr; ///< non-interlaced: outWidth * 3; interlaced: whole output
    std::uint8_t* out = nullptr;   ///< the result, outWidth * outHeight * 3
};

int blockSize(int index, int factor, int extent) {
    return std::min(factor, extent - index * factor);
}

/** Turns sums of output row oy into averaged pixels. */
void emitRow(const Accumulator& a, const std::uint32_t* sums, int oy) {
    const auto blockHeight = static_cast<std::uint32_t>(blockSize(oy, a.factor, a.height));
    std::uint8_t* out = a.out + static_cast<std::size_t>(oy) * a.outWidth * 3;
    for (int ox = 0; ox < a.outWidth; ++ox) {
        const std::uint32_t count =
            static_cast<std::uint32_t>(blockSize(ox, a.factor, a.width)) * blockHeight;
        for (int c = 0; c < 3; ++c) {
            const std::size_t i = static_cast<std::size_t>(ox) * 3 + static_cast<std::size_t>(c);
            out[i] = static_cast<std::uint8_t>((sums[i] + count / 2) / count);
        }
    }
}

/** Adds a full-width source row into per-block sums, block by block (no division per pixel). */
void addRow(const Accumulator& a, std::uint32_t* sums) {
    const std::uint8_t* pixel = a.row;
    for (int ox = 0; ox < a.outWidth; ++ox) {
        std::uint32_t r = 0, g = 0, b = 0;
        for (int n = blockSize(ox, a.factor, a.width); n > 0; --n, pixel += 3) {
            r += pixel[0];
            g += pixel[1];
            b += pixel[2];
        }
        sums[ox * 3] += r;
        sums[ox * 3 + 1] += g;
        sums[ox * 3 + 2] += b;
    }
}

bool readRows(png_structp png, const Accumulator& a, bool interlaced) {
    if (setjmp(png_jmpbuf(png))) {
        return false;
    }
    if (!interlaced) {
        const std::size_t rowSums = static_cast<std::size_t>(a.outWidth) * 3;
        for (int y = 0; y < a.height; ++y) {
            png_read_row(png, a.row, nullptr);
            addRow(a, a.sums);
            if (y % a.factor == a.factor - 1 || y == a.height - 1) {
                emitRow(a, a.sums, y / a.factor);
                std::fill_n(a.sums, rowSums, 0u);
            }
        }
    } else {
        // Without png_set_interlace_handling libpng hands out each Adam7 pass as its own small
        // image; every source pixel is in exactly one pass, so the sums come out complete.
        const auto w = static_cast<png_uint_32>(a.width);
        const auto h = static_cast<png_uint_32>(a.height);
        for (int pass = 0; pass < 7; ++pass) {
            const png_uint_32 cols = PNG_PASS_COLS(w, pass);
            const png_uint_32 rows = PNG_PASS_ROWS(h, pass);
            if (cols == 0 || rows == 0) {
                continue;
            }
            for (png_uint_32 i = 0; i < rows; ++i) {
                png_read_row(png, a.row, nullptr);
                const png_uint_32 y = PNG_ROW_FROM_PASS_ROW(i, pass);
                std::uint32_t* sums =
                    a.sums + static_cast<std::size_t>(y / static_cast<png_uint_32>(a.factor)) *
                                 static_cast<std::size_t>(a.outWidth) * 3;
                for (png_uint_32 j = 0; j < cols; ++j) {
                    const png_uint_32 x = PNG_COL_FROM_PASS_COL(j, pass);
                    std::uint32_t* cell = sums + (x / static_cast<png_uint_32>(a.factor)) * 3;
                    const std::uint8_t* pixel = a.row + static_cast<std::size_t>(j) * 3;
                    cell[0] += pixel[0];
                    cell[1] += pixel[1];
                    cell[2] += pixel[2];
                }
            }
        }
        for (int oy = 0; oy < a.outHeight; ++oy) {
            emitRow(a, a.sums + static_cast<std::size_t>(oy) * a.outWidth * 3, oy);
        }
    }
    png_read_end(png, nullptr);
    return true;
}

} // namespace

Result<RgbImage> decodePngReduced(std::span<const std::uint8_t> bytes, const std::string& name,
                                  int factor) {
    Source source;
    source.data = bytes.data();
    source.size = bytes.size();
    PngReader reader;
    reader.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, onError, onWarning);
    if (reader.png == nullptr || (reader.info = png_create_info_struct(reader.png)) == nullptr) {
        return fail(name + ": out of memory starting the PNG decoder");
    }
    png_set_read_fn(reader.png, &source, readFromMemory);

    const auto damaged = [&] {
        return fail(name +
                    ": cannot decode the PNG data (corrupt or truncated): " + source.message);
    };
    Geometry geometry;
    if (!readHeader(reader.png, reader.info, geometry)) {
        return damaged();
    }
    Accumulator a;
    a.width = static_cast<int>(geometry.width);
    a.height = static_cast<int>(geometry.height);
    // The sums are 32-bit: a block of factor^2 pixels of 255 must fit.
    a.factor = std::clamp(factor, 1, 4096);
    a.outWidth = (a.width + a.factor - 1) / a.factor;
    a.outHeight = (a.height + a.factor - 1) / a.factor;

    std::vector<std::uint8_t> row(static_cast<std::size_t>(a.width) * 3);
    std::vector<std::uint32_t> sums(
        static_cast<std::size_t>(a.outWidth) * 3 *
        (geometry.interlaced ? static_cast<std::size_t>(a.outHeight) : 1u));
    RgbImage image;
    image.width = a.outWidth;
    image.height = a.outHeight;
    image.pixels.resize(static_cast<std::size_t>(a.outWidth) * a.outHeight * 3);
    a.row = row.data();
    a.sums = sums.data();
    a.out = image.pixels.data();
    if (!readRows(reader.png, a, geometry.interlaced)) {
        return damaged();
    }
    return image;
}

} // namespace tstudio::imaging
