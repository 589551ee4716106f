#include "core/data/file_check.h"

#include <fstream>
#include <vector>

#include "core/data/content_hash.h"
#include "core/data/problem_text.h"
#include "core/imaging/image_decoder.h"

namespace tstudio::data {

namespace {

/** check with the problem kind and why, worded by text (its %1: the file, then args). */
FileCheck problem(FileCheck check, ProblemKind kind, const std::filesystem::path& path,
                  const char* text, std::vector<std::string> args = {}) {
    check.problem = kind;
    check.text = text;
    check.args = std::move(args);
    check.args.insert(check.args.begin(), path.filename().string());
    check.message = fillProblemText(QString::fromUtf8(text), check.args).toStdString();
    return check;
}

} // namespace

FileCheck checkImageFile(const std::filesystem::path& path, bool decode) {
    FileCheck check;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        std::error_code ec;
        return problem(check, ProblemKind::Missing, path,
                       std::filesystem::exists(path, ec)
                           ? QT_TRANSLATE_NOOP("DatasetProblem",
                                               "%1: cannot be opened for reading (check "
                                               "permissions)")
                           : QT_TRANSLATE_NOOP("DatasetProblem", "%1: no such file"));
    }
    const std::streamoff size = in.tellg();
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(std::max<std::streamoff>(size, 0)));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()),
                 static_cast<std::streamsize>(bytes.size()))) {
        return problem(check, ProblemKind::Missing, path,
                       QT_TRANSLATE_NOOP("DatasetProblem", "%1: read error"));
    }
    if (bytes.empty()) {
        return problem(check, ProblemKind::ZeroByte, path,
                       QT_TRANSLATE_NOOP("DatasetProblem", "%1: the file is empty (0 bytes)"));
    }
    check.hash = contentHash(bytes);
    check.format = imaging::sniffImageFormat(bytes);
    if (check.format == imaging::ImageFormat::Unknown) {
        return problem(check, ProblemKind::NotAnImage, path,
                       QT_TRANSLATE_NOOP("DatasetProblem",
                                         "%1: the content is not an image, whatever the file "
                                         "name says"));
    }
    const auto header = imaging::readImageHeader(bytes);
    if (!header) {
        return problem(check, ProblemKind::Truncated, path,
                       QT_TRANSLATE_NOOP("DatasetProblem",
                                         "%1: damaged %2 header: no image size (cut off or "
                                         "corrupt)"),
                       {imaging::formatName(check.format)});
    }
    check.width = static_cast<int>(header->width);
    check.height = static_cast<int>(header->height);
    if (check.format == imaging::ImageFormat::Jpeg && !imaging::jpegIsComplete(bytes)) {
        return problem(check, ProblemKind::Truncated, path,
                       QT_TRANSLATE_NOOP("DatasetProblem",
                                         "%1: the JPEG data ends before its end marker "
                                         "(interrupted download or copy)"));
    }
    if (decode) {
        const auto image = imaging::decodeImageBytes(bytes, path.filename().string());
        if (!image) {
            // The decoder's own words, in English: nothing to translate but the file's place.
            return problem(check, ProblemKind::Unreadable, path, "%1: %2", {image.message()});
        }
    }
    return check;
}

} // namespace tstudio::data
