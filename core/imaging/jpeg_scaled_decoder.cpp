#include "core/imaging/jpeg_scaled_decoder.h"

#include <algorithm>
#include <csetjmp>
#include <cstring>

#include <jpeglib.h>

#include <opencv2/core.hpp>

namespace tstudio::imaging {

namespace {

struct ErrorManager {
    jpeg_error_mgr base;
    std::jmp_buf jump;
};

[[noreturn]] void onError(j_common_ptr info) {
    std::longjmp(reinterpret_cast<ErrorManager*>(info->err)->jump, 1);
}

void onMessage(j_common_ptr, int) {} // warnings (e.g. extraneous bytes) are not failures

std::uint16_t read16(const std::uint8_t* p, bool little) {
    return little ? static_cast<std::uint16_t>(p[0] | (p[1] << 8))
                  : static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}

std::uint32_t read32(const std::uint8_t* p, bool little) {
    return little ? static_cast<std::uint32_t>(p[0] | (p[1] << 8) | (p[2] << 16) |
                                               (static_cast<std::uint32_t>(p[3]) << 24))
                  : static_cast<std::uint32_t>((static_cast<std::uint32_t>(p[0]) << 24) |
                                               (p[1] << 16) | (p[2] << 8) | p[3]);
}

/** The EXIF orientation (1..8) in an APP1 payload, 1 when absent or unreadable. */
int exifOrientation(const std::uint8_t* data, std::size_t size) {
    if (size < 14 || std::memcmp(data, "Exif\0\0", 6) != 0) {
        return 1;
    }
    const std::uint8_t* tiff = data + 6;
    const std::size_t length = size - 6;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) {
        return 1;
    }
    const std::uint32_t ifd = read32(tiff + 4, little);
    if (ifd > length || length - ifd < 2) {
        return 1;
    }
    const std::uint16_t entries = read16(tiff + ifd, little);
    for (std::uint32_t i = 0; i < entries; ++i) {
        const std::size_t at = ifd + 2 + std::size_t{12} * i;
        if (at + 12 > length) {
            return 1;
        }
        if (read16(tiff + at, little) == 0x0112) {
            const int value = read16(tiff + at + 8, little);
            return value >= 1 && value <= 8 ? value : 1;
        }
    }
    return 1;
}

/** Plain data filled by decodeInto; nothing with a destructor lives across its setjmp. */
struct Decoded {
    int width = 0, height = 0, orientation = 1;
};

/**
 * libjpeg longjmps out of its calls on damaged data; this function holds only trivially
 * destructible locals, and the pixel buffer is allocated through a callback owned by the caller.
 */
bool decodeInto(std::span<const std::uint8_t> bytes, int minShortSide, Decoded& out,
                std::uint8_t* (*allocate)(void*, std::size_t), void* owner) {
    jpeg_decompress_struct info;
    ErrorManager errors;
    info.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = onError;
    errors.base.emit_message = onMessage;
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
    jpeg_save_markers(&info, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&info, TRUE);
    if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
        jpeg_destroy_decompress(&info); // OpenCV's path converts Adobe CMYK
        return false;
    }
    for (jpeg_saved_marker_ptr m = info.marker_list; m != nullptr; m = m->next) {
        if (m->marker == JPEG_APP0 + 1) {
            out.orientation = exifOrientation(m->data, m->data_length);
            break;
        }
    }
    info.out_color_space = JCS_RGB; // gray is expanded by libjpeg
    const unsigned shortSide = std::min(info.image_width, info.image_height);
    // Only 1/8, 2/8, 4/8 and 8/8: libjpeg-turbo has SIMD inverse DCTs for those; its 3/8..7/8
    // ones are scalar and lose to a SIMD 8/8 decode plus the shrink the cache does anyway.
    info.scale_denom = 8;
    info.scale_num = 8;
    for (unsigned m : {1u, 2u, 4u}) {
        if ((shortSide * m + 7) / 8 >= static_cast<unsigned>(minShortSide)) {
            info.scale_num = m;
            break;
        }
    }
    jpeg_start_decompress(&info);
    out.width = static_cast<int>(info.output_width);
    out.height = static_cast<int>(info.output_height);
    const std::size_t stride = std::size_t{info.output_width} * 3;
    std::uint8_t* pixels = allocate(owner, stride * info.output_height);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = pixels + stride * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return true;
}

/** OpenCV's own EXIF transform (imgcodecs ExifTransform), so both decoders agree. */
void applyOrientation(RgbImage& image, int orientation) {
    if (orientation == 1) {
        return;
    }
    cv::Mat src(image.height, image.width, CV_8UC3, image.pixels.data());
    cv::Mat dst;
    switch (orientation) {
    case 2:
        cv::flip(src, dst, 1);
        break;
    case 3:
        cv::flip(src, dst, -1);
        break;
    case 4:
        cv::flip(src, dst, 0);
        break;
    default:
        cv::transpose(src, dst);
        if (orientation == 6) {
            cv::flip(dst, dst, 1);
        } else if (orientation == 7) {
            cv::flip(dst, dst, -1);
        } else if (orientation == 8) {
            cv::flip(dst, dst, 0);
        }
    }
    image.width = dst.cols;
    image.height = dst.rows;
    std::memcpy(image.pixels.data(), dst.data, image.pixels.size());
}

} // namespace

std::optional<RgbImage> decodeJpegAtLeast(std::span<const std::uint8_t> bytes, int minShortSide) {
    if (bytes.size() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8) {
        return std::nullopt;
    }
    RgbImage image;
    Decoded decoded;
    const auto allocate = [](void* owner, std::size_t size) {
        auto* pixels = &static_cast<RgbImage*>(owner)->pixels;
        pixels->resize(size);
        return pixels->data();
    };
    if (!decodeInto(bytes, std::max(minShortSide, 1), decoded, allocate, &image)) {
        return std::nullopt;
    }
    image.width = decoded.width;
    image.height = decoded.height;
    applyOrientation(image, decoded.orientation);
    return image;
}

} // namespace tstudio::imaging
