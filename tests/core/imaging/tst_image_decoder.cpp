#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/imaging/image_decoder.h"
#include "core/imaging/image_format.h"
#include "crafted_images.h"
#include "tests/test_support.h"

using namespace tstudio;
using tstudio::test::ByteVector;

namespace {

ByteVector encode(const cv::Mat& image, const std::string& ext) {
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(ext, image, bytes)) {
        qFatal("OpenCV cannot encode %s", ext.c_str());
    }
    return bytes;
}

/** R, G, B of pixel (x, y). */
std::array<int, 3> rgbAt(const imaging::RgbImage& image, int x, int y) {
    const std::uint8_t* p = image.row(y) + static_cast<std::size_t>(x) * 3;
    return {p[0], p[1], p[2]};
}

bool near(std::array<int, 3> actual, std::array<int, 3> expected, int tolerance) {
    for (std::size_t i = 0; i < 3; ++i) {
        if (std::abs(actual[i] - expected[i]) > tolerance) {
            qWarning("got %d %d %d, expected %d %d %d", actual[0], actual[1], actual[2],
                     expected[0], expected[1], expected[2]);
            return false;
        }
    }
    return true;
}

imaging::RgbImage decodeOk(const ByteVector& bytes) {
    auto result = imaging::decodeImageBytes(bytes, "test");
    if (!result) {
        qWarning("%s", result.message().c_str());
        return {};
    }
    return std::move(result).value();
}

/** A 6x4 BGR picture: left half red, right half blue. */
cv::Mat redBlue(int width = 6, int height = 4) {
    cv::Mat image(height, width, CV_8UC3, cv::Scalar(255, 0, 0));
    image(cv::Rect(0, 0, width / 2, height)).setTo(cv::Scalar(0, 0, 255));
    return image;
}

} // namespace

class TestImageDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void losslessFormats_data() {
        QTest::addColumn<QString>("ext");
        QTest::addColumn<int>("format");
        QTest::newRow("png") << ".png" << int(imaging::ImageFormat::Png);
        QTest::newRow("bmp") << ".bmp" << int(imaging::ImageFormat::Bmp);
        QTest::newRow("tiff") << ".tiff" << int(imaging::ImageFormat::Tiff);
        QTest::newRow("ppm") << ".ppm" << int(imaging::ImageFormat::Pnm);
        QTest::newRow("webp-lossless") << ".webp" << int(imaging::ImageFormat::WebP);
    }
    void losslessFormats() {
        QFETCH(QString, ext);
        QFETCH(int, format);
        const cv::Mat bgr = redBlue(); // OpenCV is BGR: the decoder must hand back RGB
        std::vector<int> params;
        if (ext == QLatin1String(".webp")) {
            params = {cv::IMWRITE_WEBP_QUALITY, 101}; // above 100: lossless
        }
        std::vector<std::uint8_t> bytes;
        QVERIFY(cv::imencode(ext.toStdString(), bgr, bytes, params));
        QCOMPARE(int(imaging::sniffImageFormat(bytes)), format);
        const auto header = imaging::readImageHeader(bytes);
        QVERIFY(header.has_value());
        QCOMPARE(header->width, 6);
        QCOMPARE(header->height, 4);
        const imaging::RgbImage image = decodeOk(bytes);
        QCOMPARE(image.width, 6);
        QCOMPARE(image.height, 4);
        QVERIFY(near(rgbAt(image, 0, 0), {255, 0, 0}, 0));
        QVERIFY(near(rgbAt(image, 5, 3), {0, 0, 255}, 0));
    }

    void grayscaleBecomesRgb() {
        cv::Mat gray(3, 5, CV_8UC1, cv::Scalar(77));
        const imaging::RgbImage image = decodeOk(encode(gray, ".png"));
        QCOMPARE(image.width, 5);
        QVERIFY(near(rgbAt(image, 4, 2), {77, 77, 77}, 0));
    }

    void sixteenBitKeepsHighByte() {
        cv::Mat deep(2, 2, CV_16UC3, cv::Scalar(30 * 257, 20 * 257, 10 * 257)); // B, G, R
        const imaging::RgbImage image = decodeOk(encode(deep, ".png"));
        QVERIFY(near(rgbAt(image, 1, 1), {10, 20, 30}, 0));
    }

    void alphaIsDroppedNotBlended() {
        // A fully transparent pixel keeps its colour, as PIL's convert("RGB") keeps it.
        cv::Mat bgra(2, 2, CV_8UC4, cv::Scalar(30, 20, 10, 0));
        const imaging::RgbImage image = decodeOk(encode(bgra, ".png"));
        QVERIFY(near(rgbAt(image, 0, 0), {10, 20, 30}, 0));
    }

    void paletteWithAlpha() {
        QImage indexed(4, 2, QImage::Format_Indexed8);
        indexed.setColorTable({qRgba(200, 100, 50, 255), qRgba(0, 128, 255, 0)});
        indexed.fill(0);
        indexed.setPixel(3, 1, 1);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("palette.png"));
        QVERIFY(indexed.save(file, "PNG"));
        auto result = imaging::decodeImage(file.toStdString());
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QVERIFY(near(rgbAt(*result, 0, 0), {200, 100, 50}, 0));
        QVERIFY(near(rgbAt(*result, 3, 1), {0, 128, 255}, 0));
    }

    void cmykJpeg() {
        // Adobe CMYK is stored inverted: C=0 (full cyan ink), M=Y=K=255 (no ink).
        const ByteVector bytes = test::craftFlatJpeg(16, 8, {0, 255, 255, 255});
        const imaging::RgbImage image = decodeOk(bytes);
        QCOMPARE(image.width, 16);
        QCOMPARE(image.height, 8);
        QVERIFY(near(rgbAt(image, 9, 5), {0, 255, 255}, 2));
    }

    void exifOrientationIsApplied() {
        // 40x20, left red, right blue; orientation 6 shows it turned 90° clockwise: 20x40, red on
        // top.
        const ByteVector plain = encode(redBlue(40, 20), ".jpg");
        const imaging::RgbImage image = decodeOk(test::withExifOrientation(plain, 6));
        QCOMPARE(image.width, 20);
        QCOMPARE(image.height, 40);
        QVERIFY(near(rgbAt(image, 10, 5), {255, 0, 0}, 12));
        QVERIFY(near(rgbAt(image, 10, 34), {0, 0, 255}, 12));
    }

    void gifFirstFrame() {
        const imaging::RgbImage image = decodeOk(test::craftGif2x2());
        QCOMPARE(image.width, 2);
        QCOMPARE(image.height, 2);
        QVERIFY(near(rgbAt(image, 0, 0), {255, 0, 0}, 0));
        QVERIFY(near(rgbAt(image, 1, 0), {0, 0, 255}, 0));
        QVERIFY(near(rgbAt(image, 0, 1), {0, 0, 255}, 0));
        QVERIFY(near(rgbAt(image, 1, 1), {255, 0, 0}, 0));
    }

    void sharedGif() {
        TSTUDIO_REQUIRE_SHARED();
        const auto path =
            test::sharedDir().toStdString() + "/datasets/hymenoptera/train/ants/imageNotFound.gif";
        auto result = imaging::decodeImage(path);
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QCOMPARE(result->width, 300);
        QCOMPARE(result->height, 300);
    }

    void hugeJpegIsDecodedReduced() {
        const ByteVector bytes = test::craftFlatJpeg(4000, 3000, {90});
        auto result = imaging::decodeImageBytes(bytes, "big.jpg", {.maxPixels = 1'000'000});
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QCOMPARE(result->width, 1000); // 1/4: the first libjpeg scale under a megapixel
        QCOMPARE(result->height, 750);
        QVERIFY(near(rgbAt(*result, 500, 400), {90, 90, 90}, 1));
    }

    void hugePngWithShortDataFailsCleanly() {
        // Over the pixel limit a PNG is streamed at reduced size (tst_huge_png); a header that
        // promises 20000x20000 pixels with almost no data behind it is a damaged file, not a
        // 1.2 GB allocation.
        const ByteVector bytes = test::craftPngHeader(20000, 20000);
        QVERIFY(bytes.size() < 100);
        auto result = imaging::decodeImageBytes(bytes, "huge.png");
        QVERIFY(!result.ok());
        const QString message = QString::fromStdString(result.message());
        QVERIFY2(message.startsWith(QLatin1String("huge.png: cannot decode the PNG")),
                 qPrintable(message));
    }

    void failures_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const ByteVector jpeg = encode(redBlue(64, 64), ".jpg");
        QTest::newRow("zero-byte") << QByteArray() << "empty";
        QTest::newRow("text named .jpg") << QByteArray("hello, I am text\n") << "not an image";
        QTest::newRow("truncated jpeg")
            << QByteArray(reinterpret_cast<const char*>(jpeg.data()), qsizetype(jpeg.size() / 2))
            << "truncated JPEG";
        QTest::newRow("png header only")
            << QByteArray("\x89PNG\r\n\x1A\n\0\0", 10) << "damaged PNG";
        const ByteVector png = encode(redBlue(64, 64), ".png");
        QTest::newRow("truncated png")
            << QByteArray(reinterpret_cast<const char*>(png.data()), qsizetype(png.size() - 40))
            << "cannot decode the PNG";
    }
    void failures() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(test::writeBytes(file.toStdString(), ByteVector(bytes.begin(), bytes.end())));
        auto result = imaging::decodeImage(file.toStdString());
        QVERIFY(!result.ok());
        const QString message = QString::fromStdString(result.message());
        QVERIFY2(message.startsWith(file), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
    }

    void missingFileAndFolder() {
        QTemporaryDir dir;
        auto missing = imaging::decodeImage(dir.filePath(QStringLiteral("nope.png")).toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.message()).contains(QLatin1String("no such file")));
        auto folder = imaging::decodeImage(dir.path().toStdString());
        QVERIFY(!folder.ok());
        QVERIFY(QString::fromStdString(folder.message()).contains(QLatin1String("folder")));
    }

    void nonUtf8FileName() {
        QTemporaryDir dir;
        // Latin-1 "é" (0xE9) alone is not valid UTF-8: the name only exists as bytes.
        const std::string path = dir.path().toStdString() + "/caf\xE9_photo.png";
        QVERIFY(test::writeBytes(path, encode(redBlue(), ".png")));
        auto result = imaging::decodeImage(std::filesystem::path(path));
        std::filesystem::remove(path); // QTemporaryDir cannot name it to delete it
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QCOMPARE(result->width, 6);
    }

    void contentNotExtensionDecides() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("really_a_png.jpg")).toStdString();
        QVERIFY(test::writeBytes(path, encode(redBlue(), ".png")));
        QVERIFY(imaging::looksLikeImageFile(path));
        auto result = imaging::decodeImage(path);
        QVERIFY(result.ok());
        QVERIFY(near(rgbAt(*result, 0, 0), {255, 0, 0}, 0));
    }
};

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_image_decoder.moc"
