// PNGs above the pixel limit: streamed row by row and area-averaged, in bounded memory, with the
// decoder's colour rules (palette, gray, 16 bits, alpha) and Adam7 interlacing.

#include <array>
#include <cstring>

#include <sys/resource.h>

#include <QTemporaryDir>
#include <QTest>

#include "core/imaging/image_decoder.h"
#include "png_writer.h"

using namespace tstudio;

namespace {

std::array<int, 3> rgbAt(const imaging::RgbImage& image, int x, int y) {
    const std::uint8_t* p = image.row(y) + static_cast<std::size_t>(x) * 3;
    return {p[0], p[1], p[2]};
}

long peakRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/** The test pattern of the small cases: every pixel different, as R, G, B. */
std::array<std::uint8_t, 3> colourAt(int x, int y) {
    return {static_cast<std::uint8_t>(x * 7 + y * 3), static_cast<std::uint8_t>(x * y + 11),
            static_cast<std::uint8_t>(255 - x * 5 - y)};
}

} // namespace

class TestHugePng : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hugePngIsDecodedReducedInBoundedMemory() {
        // 20000x20000 RGB (1.2 GB of pixels), written row by row: about a megabyte on disk.
        // Top: red up to column 10001, green after; bottom: blue, then white.
        constexpr int kSide = 20000, kSplitX = 10002;
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("huge.png")).toStdString();
        test::PngLayout layout;
        layout.width = layout.height = kSide;
        const bool written = test::writePng(path, layout, [&](int y, std::uint8_t* row) {
            const bool top = y < kSide / 2;
            for (int x = 0; x < kSide; ++x) {
                const bool left = x < kSplitX;
                std::uint8_t* p = row + static_cast<std::size_t>(x) * 3;
                p[0] = top == left ? 255 : 0; // red and white
                p[1] = left ? 0 : 255;        // green and white
                p[2] = top ? 0 : 255;         // blue and white
            }
        });
        QVERIFY(written);
        QVERIFY(std::filesystem::file_size(path) < 20'000'000);

        const long before = peakRssKiB();
        auto result = imaging::decodeImage(path);
        const long grownMiB = (peakRssKiB() - before) / 1024;
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        // 1/5: the first whole factor that brings the long side to 4096 or less.
        QCOMPARE(result->width, 4000);
        QCOMPARE(result->height, 4000);
        // The result is 48 MB; decoding whole would take 1.2 GB.
        QVERIFY2(grownMiB < 200,
                 qPrintable(QStringLiteral("peak memory grew by %1 MiB").arg(grownMiB)));
        using Rgb = std::array<int, 3>;
        QCOMPARE(rgbAt(*result, 0, 0), (Rgb{255, 0, 0}));
        QCOMPARE(rgbAt(*result, 3999, 0), (Rgb{0, 255, 0}));
        QCOMPARE(rgbAt(*result, 0, 3999), (Rgb{0, 0, 255}));
        QCOMPARE(rgbAt(*result, 3999, 3999), (Rgb{255, 255, 255}));
        // Output column 2000 covers source columns 10000..10004: 2 left pixels, 3 right.
        QCOMPARE(rgbAt(*result, 2000, 10), (Rgb{102, 153, 0}));
        QCOMPARE(rgbAt(*result, 2000, 3000), (Rgb{153, 153, 255}));
        QCOMPARE(rgbAt(*result, 1999, 1999), (Rgb{255, 0, 0}));
        QCOMPARE(rgbAt(*result, 2001, 2000), (Rgb{255, 255, 255}));
    }

    void colourTypesAndInterlacing_data() {
        QTest::addColumn<int>("colorType");
        QTest::addColumn<int>("bitDepth");
        QTest::addColumn<bool>("interlaced");
        QTest::newRow("rgb8") << 2 << 8 << false;
        QTest::newRow("rgb8 adam7") << 2 << 8 << true;
        QTest::newRow("rgba16 adam7") << 6 << 16 << true;
        QTest::newRow("gray8") << 0 << 8 << false;
        QTest::newRow("gray+alpha8 adam7") << 4 << 8 << true;
        QTest::newRow("palette8 with tRNS") << 3 << 8 << false;
    }
    void colourTypesAndInterlacing() {
        QFETCH(int, colorType);
        QFETCH(int, bitDepth);
        QFETCH(bool, interlaced);
        constexpr int kWidth = 37, kHeight = 23;
        test::PngLayout layout{kWidth, kHeight, colorType, bitDepth, interlaced, {}, {}};
        if (colorType == 3) {
            layout.palette = {10, 20, 30, 200, 100, 50, 0, 128, 255, 250, 250, 5};
            layout.paletteAlpha = {255, 0, 128};
        }
        // The RGB each source pixel must decode to.
        const auto expected = [&](int x, int y) -> std::array<std::uint8_t, 3> {
            if (colorType == 3) {
                const std::uint8_t* c = layout.palette.data() + ((x + 2 * y) % 4) * 3;
                return {c[0], c[1], c[2]};
            }
            const auto rgb = colourAt(x, y);
            if ((colorType & 2) == 0) {
                return {rgb[1], rgb[1], rgb[1]};
            }
            return rgb;
        };
        const auto bytes = test::pngInMemory(layout, [&](int y, std::uint8_t* row) {
            for (int x = 0; x < kWidth; ++x) {
                const auto rgb = colourAt(x, y);
                const auto alpha = static_cast<std::uint8_t>((x * 13) % 256); // must not blend
                switch (colorType) {
                case 0:
                    row[x] = rgb[1];
                    break;
                case 4:
                    row[x * 2] = rgb[1];
                    row[x * 2 + 1] = alpha;
                    break;
                case 3:
                    row[x] = static_cast<std::uint8_t>((x + 2 * y) % 4);
                    break;
                case 6: // 16-bit big-endian: the high byte is the colour, the low byte noise
                    for (int c = 0; c < 4; ++c) {
                        row[x * 8 + c * 2] = c < 3 ? rgb[static_cast<std::size_t>(c)] : alpha;
                        row[x * 8 + c * 2 + 1] = static_cast<std::uint8_t>(x * 31 + c);
                    }
                    break;
                default:
                    std::memcpy(row + x * 3, rgb.data(), 3);
                }
            }
        });
        QVERIFY(!bytes.empty());
        // 100 pixels at most: 37x23 shrinks by 4 (10x6 = 60; by 3 it would be 13x8 = 104).
        auto result = imaging::decodeImageBytes(bytes, "small.png", {.maxPixels = 100});
        QVERIFY2(result.ok(), result.ok() ? "" : result.message().c_str());
        QCOMPARE(result->width, 10);
        QCOMPARE(result->height, 6);
        for (int oy = 0; oy < 6; ++oy) {
            for (int ox = 0; ox < 10; ++ox) {
                std::array<int, 3> sum{};
                int count = 0;
                for (int y = oy * 4; y < std::min(oy * 4 + 4, kHeight); ++y) {
                    for (int x = ox * 4; x < std::min(ox * 4 + 4, kWidth); ++x, ++count) {
                        const auto rgb = expected(x, y);
                        for (std::size_t c = 0; c < 3; ++c) {
                            sum[c] += rgb[c];
                        }
                    }
                }
                std::array<int, 3> average{};
                for (std::size_t c = 0; c < 3; ++c) {
                    average[c] = (sum[c] + count / 2) / count;
                }
                QCOMPARE(rgbAt(*result, ox, oy), average);
            }
        }

        // Under the limit the same file decodes whole, pixel for pixel.
        auto whole = imaging::decodeImageBytes(bytes, "small.png");
        QVERIFY(whole.ok());
        QCOMPARE(whole->width, kWidth);
        const auto corner = expected(kWidth - 1, kHeight - 1);
        QCOMPARE(rgbAt(*whole, kWidth - 1, kHeight - 1),
                 (std::array<int, 3>{corner[0], corner[1], corner[2]}));
    }

    void truncatedHugePngFailsCleanly() {
        test::PngLayout layout;
        layout.width = layout.height = 9000;
        auto bytes = test::pngInMemory(
            layout, [](int y, std::uint8_t* row) { std::memset(row, y % 256, 9000 * 3); });
        QVERIFY(!bytes.empty());
        bytes.resize(bytes.size() / 2);
        auto result = imaging::decodeImageBytes(bytes, "cut.png");
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.message())
                     .startsWith(QLatin1String("cut.png: cannot decode the PNG data")),
                 result.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestHugePng)
#include "tst_huge_png.moc"
