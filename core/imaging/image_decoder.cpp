#include "core/imaging/image_decoder.h"

#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QImageReader>
#include <QLoggingCategory>

#include "core/imaging/image_format.h"
#include "core/imaging/png_stream_decoder.h"

Q_LOGGING_CATEGORY(lcImaging, "tstudio.core.imaging")

namespace tstudio::imaging {

namespace {

using Bytes = std::span<const std::uint8_t>;

std::string megapixels(std::int64_t pixels) {
    return std::to_string((pixels + 500'000) / 1'000'000) + " megapixels";
}

/** 1, 2, 4 or 8: the smallest libjpeg scale that brings the image under the limit. */
int jpegReduction(const ImageHeader& header, std::int64_t maxPixels) {
    for (int factor : {1, 2, 4}) {
        const std::int64_t w = (header.width + factor - 1) / factor;
        const std::int64_t h = (header.height + factor - 1) / factor;
        if (w * h <= maxPixels) {
            return factor;
        }
    }
    return 8;
}

/** The smallest whole factor that brings the PNG under both limits. */
int pngReduction(const ImageHeader& header, const DecodeOptions& options) {
    const std::int64_t longSide = std::max(header.width, header.height);
    const std::int64_t bound = std::max(options.reducedLongSide, 1);
    std::int64_t factor = std::max<std::int64_t>((longSide + bound - 1) / bound, 2);
    while (((header.width + factor - 1) / factor) * ((header.height + factor - 1) / factor) >
           options.maxPixels) {
        ++factor;
    }
    return static_cast<int>(std::min<std::int64_t>(factor, 4096));
}

int openCvFlags(int reduction) {
    switch (reduction) {
    case 2:
        return cv::IMREAD_REDUCED_COLOR_2;
    case 4:
        return cv::IMREAD_REDUCED_COLOR_4;
    case 8:
        return cv::IMREAD_REDUCED_COLOR_8;
    default:
        return cv::IMREAD_COLOR;
    }
}

/**
 * OpenCV's IMREAD_COLOR gives 8-bit BGR whatever the file holds: gray and palette expanded,
 * alpha stripped, 16 bits shifted down, CMYK converted, EXIF orientation applied.
 */
std::optional<RgbImage> decodeWithOpenCv(Bytes bytes, int reduction) {
    cv::Mat bgr;
    try {
        bgr = cv::imdecode(cv::_InputArray(bytes.data(), static_cast<int>(bytes.size())),
                           openCvFlags(reduction));
    } catch (const cv::Exception& e) {
        qCDebug(lcImaging) << "OpenCV refused the data:" << e.what();
        return std::nullopt;
    }
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        return std::nullopt;
    }
    RgbImage image;
    image.width = bgr.cols;
    image.height = bgr.rows;
    image.pixels.resize(static_cast<std::size_t>(bgr.cols) * bgr.rows * 3);
    cv::Mat rgb(bgr.rows, bgr.cols, CV_8UC3, image.pixels.data()); // writes into image.pixels
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return image;
}

/** Qt's plugins: GIF (first frame), ICO, and a second opinion on what OpenCV rejects. */
Result<RgbImage> decodeWithQt(Bytes bytes) {
    QByteArray data = QByteArray::fromRawData(reinterpret_cast<const char*>(bytes.data()),
                                              static_cast<qsizetype>(bytes.size()));
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QImage decoded = reader.read();
    if (decoded.isNull()) {
        return fail(reader.errorString().toStdString());
    }
    // Format_RGB888 conversion drops alpha without blending, like the OpenCV path.
    const QImage rgb = decoded.convertToFormat(QImage::Format_RGB888);
    RgbImage image;
    image.width = rgb.width();
    image.height = rgb.height();
    image.pixels.resize(static_cast<std::size_t>(rgb.width()) * rgb.height() * 3);
    const auto rowBytes = static_cast<std::size_t>(rgb.width()) * 3;
    for (int y = 0; y < rgb.height(); ++y) {
        std::memcpy(image.row(y), rgb.constScanLine(y), rowBytes);
    }
    return image;
}

bool preferQt(ImageFormat format) {
    return format == ImageFormat::Gif || format == ImageFormat::Ico;
}

} // namespace

Result<RgbImage> decodeImage(const std::filesystem::path& path, const DecodeOptions& options) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return fail(path.string() + ": is a folder, not an image file");
    }
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        const bool exists = std::filesystem::exists(path, ec);
        return fail(path.string() + (exists ? ": cannot be opened for reading (check permissions)"
                                            : ": no such file"));
    }
    const std::streamoff size = in.tellg();
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(std::max<std::streamoff>(size, 0)));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()),
                 static_cast<std::streamsize>(bytes.size()))) {
        return fail(path.string() + ": read error");
    }
    return decodeImageBytes(bytes, path.string(), options);
}

Result<RgbImage> decodeImageBytes(Bytes bytes, const std::string& name,
                                  const DecodeOptions& options) {
    if (bytes.empty()) {
        return fail(name + ": the file is empty (0 bytes), not an image");
    }
    const ImageFormat format = sniffImageFormat(bytes);
    if (format == ImageFormat::Unknown) {
        return fail(name + ": not an image: the content is none of JPEG, PNG, GIF, BMP, TIFF, "
                           "WebP, PNM or ICO, whatever the file name says");
    }
    const std::string kind = formatName(format);
    const std::optional<ImageHeader> header = readImageHeader(bytes);
    if (!header) {
        return fail(name + ": damaged " + kind +
                    " file: its header does not give an image size "
                    "(truncated or corrupt)");
    }
    int reduction = 1;
    if (format == ImageFormat::Jpeg) {
        if (!jpegIsComplete(bytes)) {
            return fail(name + ": truncated JPEG: the data ends before the end-of-image marker "
                               "(an interrupted download or copy); fetch the file again");
        }
        reduction = jpegReduction(*header, options.maxPixels);
        if (reduction > 1) {
            qCInfo(lcImaging, "%s: %lldx%lld JPEG decoded at 1/%d size to stay under %s",
                   name.c_str(), static_cast<long long>(header->width),
                   static_cast<long long>(header->height), reduction,
                   megapixels(options.maxPixels).c_str());
        }
    } else if (format == ImageFormat::Png && header->pixels() > options.maxPixels) {
        const int factor = pngReduction(*header, options);
        qCInfo(lcImaging, "%s: %lldx%lld PNG decoded row by row at 1/%d size to stay under %s",
               name.c_str(), static_cast<long long>(header->width),
               static_cast<long long>(header->height), factor,
               megapixels(options.maxPixels).c_str());
        return decodePngReduced(bytes, name, factor);
    } else if (header->pixels() > options.maxPixels) {
        return fail(name + ": " + std::to_string(header->width) + "x" +
                    std::to_string(header->height) + " " + kind + " is " +
                    megapixels(header->pixels()) + ", more than the " +
                    megapixels(options.maxPixels) +
                    " this program decodes; shrink it with an image editor first");
    }

    if (!preferQt(format)) {
        if (std::optional<RgbImage> image = decodeWithOpenCv(bytes, reduction)) {
            return std::move(*image);
        }
    }
    Result<RgbImage> image = decodeWithQt(bytes);
    if (!image) {
        return fail(name + ": cannot decode the " + kind +
                    " data (corrupt or truncated): " + image.message());
    }
    return image;
}

} // namespace tstudio::imaging
