#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace tstudio::imaging {

/** Container formats the decoder recognises by their first bytes (never by file extension). */
enum class ImageFormat { Unknown, Jpeg, Png, Gif, Bmp, Tiff, WebP, Pnm, Ico };

/** "JPEG", "PNG", ... ("unknown" for Unknown), for messages. */
std::string formatName(ImageFormat format);

/** The format announced by the first bytes of a file (16 are enough). Any thread. */
ImageFormat sniffImageFormat(std::span<const std::uint8_t> head);

/** What the file's header says, read without decoding any pixel. */
struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::int64_t pixels() const { return width * height; }
};

/**
 * Reads the image size from the header of a file held in memory, so that a huge image can be
 * refused or decoded at reduced size before any pixel buffer is allocated. Covers JPEG (SOF
 * marker), PNG (IHDR), GIF (logical screen), BMP, TIFF (first IFD), WebP (VP8/VP8L/VP8X) and
 * PNM. nullopt when the format is unknown or the header is too damaged to say. Any thread.
 */
std::optional<ImageHeader> readImageHeader(std::span<const std::uint8_t> bytes);

/**
 * False when JPEG data stops before its end-of-image marker: a cut-off download or copy. libjpeg
 * would only warn and fill the missing rows with gray, so the decoder checks this itself.
 */
bool jpegIsComplete(std::span<const std::uint8_t> bytes);

/**
 * True when the file's first bytes are those of a format the decoder reads. Reads at most a
 * few bytes; false for folders, unreadable and empty files. Any thread.
 */
bool looksLikeImageFile(const std::filesystem::path& path);

/** True for the extensions of the formats above (".jpg", ".JPEG", ".png", ...). */
bool hasImageExtension(const std::filesystem::path& path);

} // namespace tstudio::imaging
