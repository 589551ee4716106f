#include "core/imaging/image_format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string_view>

#include "core/common/file_extension.h"

namespace tstudio::imaging {

namespace {

using Bytes = std::span<const std::uint8_t>;

bool startsWith(Bytes bytes, std::string_view magic, std::size_t offset = 0) {
    return bytes.size() >= offset + magic.size() &&
           std::memcmp(bytes.data() + offset, magic.data(), magic.size()) == 0;
}

std::uint32_t be16(Bytes b, std::size_t at) {
    return (std::uint32_t{b[at]} << 8) | b[at + 1];
}
std::uint32_t le16(Bytes b, std::size_t at) {
    return b[at] | (std::uint32_t{b[at + 1]} << 8);
}
std::uint32_t be32(Bytes b, std::size_t at) {
    return (be16(b, at) << 16) | be16(b, at + 2);
}
std::uint32_t le32(Bytes b, std::size_t at) {
    return le16(b, at) | (le16(b, at + 2) << 16);
}
std::uint32_t le24(Bytes b, std::size_t at) {
    return le16(b, at) | (std::uint32_t{b[at + 2]} << 16);
}

std::optional<ImageHeader> sized(ImageFormat format, std::int64_t width, std::int64_t height) {
    if (width <= 0 || height <= 0) {
        return std::nullopt;
    }
    return ImageHeader{format, width, height};
}

std::optional<ImageHeader> jpegHeader(Bytes b) {
    std::size_t at = 2;
    while (at + 1 < b.size()) {
        if (b[at] != 0xFF) {
            return std::nullopt;
        }
        const std::uint8_t marker = b[at + 1];
        if (marker == 0xFF) { // fill byte before a marker
            ++at;
            continue;
        }
        at += 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9)) {
            continue; // standalone markers carry no length
        }
        if (at + 2 > b.size()) {
            return std::nullopt;
        }
        const std::uint32_t length = be16(b, at);
        // SOF0..SOF15 hold the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range.
        const bool isSof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (isSof) {
            if (at + 7 > b.size()) {
                return std::nullopt;
            }
            return sized(ImageFormat::Jpeg, be16(b, at + 5), be16(b, at + 3));
        }
        if (length < 2) {
            return std::nullopt;
        }
        at += length;
    }
    return std::nullopt;
}

std::optional<ImageHeader> pngHeader(Bytes b) {
    if (b.size() < 24 || !startsWith(b, "IHDR", 12)) {
        return std::nullopt;
    }
    return sized(ImageFormat::Png, be32(b, 16), be32(b, 20));
}

std::optional<ImageHeader> bmpHeader(Bytes b) {
    if (b.size() < 26) {
        return std::nullopt;
    }
    if (le32(b, 14) == 12) { // OS/2 BITMAPCOREHEADER: 16-bit sizes
        return sized(ImageFormat::Bmp, le16(b, 18), le16(b, 20));
    }
    const auto width = static_cast<std::int32_t>(le32(b, 18));
    const auto height = static_cast<std::int32_t>(le32(b, 22)); // negative: top-down rows
    return sized(ImageFormat::Bmp, width, std::abs(static_cast<std::int64_t>(height)));
}

std::optional<ImageHeader> tiffHeader(Bytes b) {
    const bool little = b[0] == 'I';
    auto u16 = [&](std::size_t at) {
        return little ? le16(b, at) : be16(b, at);
    };
    auto u32 = [&](std::size_t at) {
        return little ? le32(b, at) : be32(b, at);
    };
    if (b.size() < 8) {
        return std::nullopt;
    }
    const std::size_t ifd = u32(4);
    if (ifd + 2 > b.size()) {
        return std::nullopt;
    }
    const std::uint32_t count = u16(ifd);
    std::int64_t width = 0;
    std::int64_t height = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t entry = ifd + 2 + 12 * std::size_t{i};
        if (entry + 12 > b.size()) {
            break;
        }
        const std::uint32_t tag = u16(entry);
        const std::uint32_t type = u16(entry + 2);
        const std::uint32_t value = type == 3 ? u16(entry + 8) : u32(entry + 8); // SHORT or LONG
        if (tag == 256) {
            width = value;
        } else if (tag == 257) {
            height = value;
        }
    }
    return sized(ImageFormat::Tiff, width, height);
}

std::optional<ImageHeader> webpHeader(Bytes b) {
    if (b.size() < 30) {
        return std::nullopt;
    }
    if (startsWith(b, "VP8 ", 12) && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A) {
        return sized(ImageFormat::WebP, le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
    }
    if (startsWith(b, "VP8L", 12) && b[20] == 0x2F) {
        const std::uint32_t bits = le32(b, 21);
        return sized(ImageFormat::WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (startsWith(b, "VP8X", 12)) {
        return sized(ImageFormat::WebP, std::int64_t{le24(b, 24)} + 1,
                     std::int64_t{le24(b, 27)} + 1);
    }
    return std::nullopt;
}

std::optional<ImageHeader> pnmHeader(Bytes b) {
    std::size_t at = 2;
    std::array<std::int64_t, 2> values{};
    for (auto& value : values) {
        while (at < b.size() && (std::isspace(b[at]) != 0 || b[at] == '#')) {
            if (b[at] == '#') {
                while (at < b.size() && b[at] != '\n') {
                    ++at;
                }
            } else {
                ++at;
            }
        }
        if (at >= b.size() || std::isdigit(b[at]) == 0) {
            return std::nullopt;
        }
        while (at < b.size() && std::isdigit(b[at]) != 0 && value < (std::int64_t{1} << 40)) {
            value = value * 10 + (b[at++] - '0');
        }
    }
    return sized(ImageFormat::Pnm, values[0], values[1]);
}

std::optional<ImageHeader> icoHeader(Bytes b) {
    if (b.size() < 8) {
        return std::nullopt;
    }
    // A zero byte means 256, the largest an icon entry can describe.
    return sized(ImageFormat::Ico, b[6] == 0 ? 256 : b[6], b[7] == 0 ? 256 : b[7]);
}

} // namespace

std::string formatName(ImageFormat format) {
    switch (format) {
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::Gif:
        return "GIF";
    case ImageFormat::Bmp:
        return "BMP";
    case ImageFormat::Tiff:
        return "TIFF";
    case ImageFormat::WebP:
        return "WebP";
    case ImageFormat::Pnm:
        return "PNM";
    case ImageFormat::Ico:
        return "ICO";
    case ImageFormat::Unknown:
        break;
    }
    return "unknown";
}

ImageFormat sniffImageFormat(Bytes head) {
    using namespace std::string_view_literals;
    if (startsWith(head, "\xFF\xD8\xFF"sv)) {
        return ImageFormat::Jpeg;
    }
    if (startsWith(head, "\x89PNG\r\n\x1A\n"sv)) {
        return ImageFormat::Png;
    }
    if (startsWith(head, "GIF87a"sv) || startsWith(head, "GIF89a"sv)) {
        return ImageFormat::Gif;
    }
    if (startsWith(head, "II*\0"sv) || startsWith(head, "MM\0*"sv)) {
        return ImageFormat::Tiff;
    }
    if (startsWith(head, "RIFF"sv) && startsWith(head, "WEBP"sv, 8)) {
        return ImageFormat::WebP;
    }
    // Two-byte magics are weak: also ask for the fields that follow to be plausible.
    if (startsWith(head, "BM"sv) && head.size() >= 18 && le32(head, 14) >= 12 &&
        le32(head, 14) <= 124) {
        return ImageFormat::Bmp;
    }
    if (head.size() >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '6' &&
        std::isspace(head[2]) != 0) {
        return ImageFormat::Pnm;
    }
    if (startsWith(head, "\0\0\1\0"sv) && head.size() >= 6 && le16(head, 4) > 0) {
        return ImageFormat::Ico;
    }
    return ImageFormat::Unknown;
}

std::optional<ImageHeader> readImageHeader(Bytes bytes) {
    switch (sniffImageFormat(bytes)) {
    case ImageFormat::Jpeg:
        return jpegHeader(bytes);
    case ImageFormat::Png:
        return pngHeader(bytes);
    case ImageFormat::Gif:
        return bytes.size() < 10 ? std::nullopt
                                 : sized(ImageFormat::Gif, le16(bytes, 6), le16(bytes, 8));
    case ImageFormat::Bmp:
        return bmpHeader(bytes);
    case ImageFormat::Tiff:
        return tiffHeader(bytes);
    case ImageFormat::WebP:
        return webpHeader(bytes);
    case ImageFormat::Pnm:
        return pnmHeader(bytes);
    case ImageFormat::Ico:
        return icoHeader(bytes);
    case ImageFormat::Unknown:
        break;
    }
    return std::nullopt;
}

bool jpegIsComplete(Bytes b) {
    std::size_t at = 2;
    while (at + 1 < b.size()) {
        if (b[at] != 0xFF) {
            return false;
        }
        const std::uint8_t marker = b[at + 1];
        if (marker == 0xFF) {
            ++at;
            continue;
        }
        at += 2;
        if (marker == 0xD9) {
            return true;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
            continue;
        }
        if (at + 2 > b.size() || be16(b, at) < 2) {
            return false;
        }
        at += be16(b, at);
        if (marker != 0xDA) {
            continue;
        }
        // Entropy-coded data follows a start-of-scan: it ends at the first 0xFF that is neither
        // a stuffed zero (FF 00) nor a restart marker (FF D0..D7).
        while (at + 1 < b.size()) {
            if (b[at] == 0xFF && b[at + 1] != 0x00 && !(b[at + 1] >= 0xD0 && b[at + 1] <= 0xD7)) {
                break;
            }
            ++at;
        }
    }
    return false;
}

bool looksLikeImageFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::array<std::uint8_t, 16> head{};
    in.read(reinterpret_cast<char*>(head.data()), head.size());
    const auto count = static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0));
    return sniffImageFormat(Bytes(head.data(), count)) != ImageFormat::Unknown;
}

bool hasImageExtension(const std::filesystem::path& path) {
    static constexpr std::array<std::string_view, 14> kExtensions{
        ".jpg",  ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".tif",
        ".tiff", ".webp", ".pbm", ".pgm", ".ppm", ".pnm", ".ico"};
    const std::string ext = lowercaseExtension(path);
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

} // namespace tstudio::imaging
