// The decode-once cache's JPEG path: libjpeg-turbo straight to RGB at M/8 scale, agreeing with the
// full decoder (same pixels at 8/8, same EXIF orientation) and refusing what it does not handle.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QTest>

#include "core/imaging/image_decoder.h"
#include "core/imaging/jpeg_scaled_decoder.h"
#include "crafted_images.h"

using namespace tstudio;
using tstudio::test::ByteVector;

namespace {

/** 400x300 BGR: four flat quadrants (red, green / blue, white) plus a gradient strip. */
ByteVector quadrantsJpeg() {
    cv::Mat image(300, 400, CV_8UC3, cv::Scalar(255, 255, 255));
    image(cv::Rect(0, 0, 200, 150)).setTo(cv::Scalar(0, 0, 255));
    image(cv::Rect(200, 0, 200, 150)).setTo(cv::Scalar(0, 255, 0));
    image(cv::Rect(0, 150, 200, 150)).setTo(cv::Scalar(255, 0, 0));
    for (int x = 0; x < 400; ++x) {
        image(cv::Rect(x, 140, 1, 20)).setTo(cv::Scalar(x % 256, 128, 255 - x % 256));
    }
    std::vector<std::uint8_t> bytes;
    cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, 95});
    return bytes;
}

std::array<int, 3> rgbAt(const imaging::RgbImage& image, int x, int y) {
    const std::uint8_t* p = image.row(y) + static_cast<std::size_t>(x) * 3;
    return {p[0], p[1], p[2]};
}

bool near(std::array<int, 3> a, std::array<int, 3> b, int tolerance) {
    for (std::size_t i = 0; i < 3; ++i) {
        if (std::abs(a[i] - b[i]) > tolerance) {
            qWarning("got %d %d %d, expected %d %d %d", a[0], a[1], a[2], b[0], b[1], b[2]);
            return false;
        }
    }
    return true;
}

} // namespace

class TestJpegScaledDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fullScaleMatchesTheDecoderExactly() {
        const ByteVector jpeg = quadrantsJpeg();
        const auto scaled = imaging::decodeJpegAtLeast(jpeg, 1 << 20);
        const auto full = imaging::decodeImageBytes(jpeg, "q.jpg");
        QVERIFY(scaled && full.ok());
        QCOMPARE(scaled->width, 400);
        QCOMPARE(scaled->height, 300);
        QVERIFY(scaled->pixels == full->pixels);
    }

    void smallestScaleThatKeepsTheShortSide() {
        const ByteVector jpeg = quadrantsJpeg();
        // 300 / 2 = 150 >= 100; 1/4 would give 75.
        const auto image = imaging::decodeJpegAtLeast(jpeg, 100);
        QVERIFY(image);
        QCOMPARE(image->width, 200);
        QCOMPARE(image->height, 150);
        QVERIFY(near(rgbAt(*image, 10, 10), {255, 0, 0}, 3));
        QVERIFY(near(rgbAt(*image, 190, 10), {0, 255, 0}, 3));
        QVERIFY(near(rgbAt(*image, 10, 140), {0, 0, 255}, 3));
        QVERIFY(near(rgbAt(*image, 190, 140), {255, 255, 255}, 3));
        // At 1/2 it agrees with libjpeg's 1/2 through OpenCV (the decoder's reduced path).
        const auto half = image;
        const auto reference = imaging::decodeImageBytes(jpeg, "q.jpg", {.maxPixels = 200 * 150});
        QVERIFY(half && reference.ok());
        QCOMPARE(half->width, reference->width);
        QVERIFY(half->pixels == reference->pixels);
    }

    void exifOrientationAsTheDecoder_data() {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o) {
            QTest::addRow("orientation %d", o) << o;
        }
    }
    void exifOrientationAsTheDecoder() {
        QFETCH(int, orientation);
        const ByteVector jpeg = test::withExifOrientation(quadrantsJpeg(), orientation);
        const auto scaled = imaging::decodeJpegAtLeast(jpeg, 1 << 20);
        const auto full = imaging::decodeImageBytes(jpeg, "o.jpg");
        QVERIFY(scaled && full.ok());
        QCOMPARE(scaled->width, full->width);
        QCOMPARE(scaled->height, full->height);
        QVERIFY(scaled->pixels == full->pixels);
    }

    void grayBecomesRgbAndCmykIsLeftToTheDecoder() {
        const auto gray = imaging::decodeJpegAtLeast(test::craftFlatJpeg(64, 48, {90}), 8);
        QVERIFY(gray);
        QCOMPARE(gray->width, 16); // 1/4: 48 / 4 = 12 >= 8
        QVERIFY(near(rgbAt(*gray, 5, 5), {90, 90, 90}, 1));
        QVERIFY(!imaging::decodeJpegAtLeast(test::craftFlatJpeg(16, 16, {10, 20, 30, 40}), 8));
        const ByteVector text{'h', 'e', 'l', 'l', 'o'};
        QVERIFY(!imaging::decodeJpegAtLeast(text, 8));
        // Cut data: libjpeg pads it and warns (the cache checks jpegIsComplete first); what
        // matters here is that it returns instead of crashing.
        ByteVector cut = quadrantsJpeg();
        cut.resize(300);
        (void)imaging::decodeJpegAtLeast(cut, 8);
    }
};

QTEST_GUILESS_MAIN(TestJpegScaledDecoder)
#include "tst_jpeg_scaled_decoder.moc"
