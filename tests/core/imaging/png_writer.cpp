#include "png_writer.h"

#include <csetjmp>
#include <cstdio>

#include <png.h>

namespace tstudio::test {

namespace {

void appendToVector(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
    out->insert(out->end(), data, data + length);
}

void noFlush(png_structp) {}

/** Only trivially destructible locals: libpng may longjmp out of the calls below. */
bool writeRows(png_structp png, png_infop info, const PngLayout& layout, const RowWriter& fillRow,
               const png_color* colors, std::uint8_t* row) {
    if (setjmp(png_jmpbuf(png))) {
        return false;
    }
    png_set_IHDR(png, info, static_cast<png_uint_32>(layout.width),
                 static_cast<png_uint_32>(layout.height), layout.bitDepth, layout.colorType,
                 layout.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (layout.colorType == PNG_COLOR_TYPE_PALETTE) {
        png_set_PLTE(png, info, colors, static_cast<int>(layout.palette.size() / 3));
        if (!layout.paletteAlpha.empty()) {
            png_set_tRNS(png, info, layout.paletteAlpha.data(),
                         static_cast<int>(layout.paletteAlpha.size()), nullptr);
        }
    }
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_write_info(png, info);
    const int passes = layout.interlaced ? png_set_interlace_handling(png) : 1;
    for (int pass = 0; pass < passes; ++pass) {
        for (int y = 0; y < layout.height; ++y) {
            fillRow(y, row);
            png_write_row(png, row);
        }
    }
    png_write_end(png, nullptr);
    return true;
}

bool write(const PngLayout& layout, const RowWriter& fillRow, std::FILE* file,
           std::vector<std::uint8_t>* memory) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (info == nullptr) {
        png_destroy_write_struct(&png, nullptr);
        return false;
    }
    if (file != nullptr) {
        png_init_io(png, file);
    } else {
        png_set_write_fn(png, memory, appendToVector, noFlush);
    }
    const int channels = layout.colorType == PNG_COLOR_TYPE_RGB    ? 3
                         : layout.colorType == PNG_COLOR_TYPE_RGBA ? 4
                         : layout.colorType == PNG_COLOR_TYPE_GA   ? 2
                                                                   : 1;
    const std::size_t rowBytes =
        (static_cast<std::size_t>(layout.width) * channels * layout.bitDepth + 7) / 8;
    std::vector<std::uint8_t> row(rowBytes);
    std::vector<png_color> colors(layout.palette.size() / 3);
    for (std::size_t i = 0; i < colors.size(); ++i) {
        colors[i] = {layout.palette[i * 3], layout.palette[i * 3 + 1], layout.palette[i * 3 + 2]};
    }
    const bool ok = writeRows(png, info, layout, fillRow, colors.data(), row.data());
    png_destroy_write_struct(&png, &info);
    return ok;
}

} // namespace

bool writePng(const std::string& path, const PngLayout& layout, const RowWriter& fillRow) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) {
        return false;
    }
    const bool ok = write(layout, fillRow, file, nullptr);
    return std::fclose(file) == 0 && ok;
}

std::vector<std::uint8_t> pngInMemory(const PngLayout& layout, const RowWriter& fillRow) {
    std::vector<std::uint8_t> bytes;
    if (!write(layout, fillRow, nullptr, &bytes)) {
        bytes.clear();
    }
    return bytes;
}

} // namespace tstudio::test
