#include "core/data/file_check.h"

#include <fstream>
#include <vector>

#include "core/data/content_hash.h"
#include "core/imaging/image_decoder.h"

namespace tstudio::data {

namespace {

FileCheck problem(FileCheck check, ProblemKind kind, std::string message) {
    check.problem = kind;
    check.message = std::move(message);
    return check;
}

} // namespace

FileCheck checkImageFile(const std::filesystem::path& path, bool decode) {
    FileCheck check;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        std::error_code ec;
        return problem(check, ProblemKind::Missing,
                       std::filesystem::exists(path, ec)
                           ? "cannot be opened for reading (check permissions)"
                           : "no such file");
    }
    const std::streamoff size = in.tellg();
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(std::max<std::streamoff>(size, 0)));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()),
                 static_cast<std::streamsize>(bytes.size()))) {
        return problem(check, ProblemKind::Missing, "read error");
    }
    if (bytes.empty()) {
        return problem(check, ProblemKind::ZeroByte, "the file is empty (0 bytes)");
    }
    check.hash = contentHash(bytes);
    check.format = imaging::sniffImageFormat(bytes);
    if (check.format == imaging::ImageFormat::Unknown) {
        return problem(check, ProblemKind::NotAnImage,
                       "the content is not an image, whatever the file name says");
    }
    const auto header = imaging::readImageHeader(bytes);
    if (!header) {
        return problem(check, ProblemKind::Truncated,
                       "damaged " + imaging::formatName(check.format) +
                           " header: no image size (cut off or corrupt)");
    }
    check.width = static_cast<int>(header->width);
    check.height = static_cast<int>(header->height);
    if (check.format == imaging::ImageFormat::Jpeg && !imaging::jpegIsComplete(bytes)) {
        return problem(check, ProblemKind::Truncated,
                       "the JPEG data ends before its end marker (interrupted download or copy)");
    }
    if (decode) {
        const auto image = imaging::decodeImageBytes(bytes, path.filename().string());
        if (!image) {
            return problem(check, ProblemKind::Unreadable, image.message());
        }
    }
    return check;
}

} // namespace tstudio::data
