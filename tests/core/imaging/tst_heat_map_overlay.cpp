// The Grad-CAM overlay the CLI and the GUI share: the image's size, the image itself at opacity 0
// and where the map is 0, jet colours (red for 1) where it is high.

#include <QTest>

#include "core/imaging/heat_map_overlay.h"

using namespace tstudio;

namespace {

imaging::RgbImage greyImage(int width, int height, std::uint8_t level) {
    imaging::RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.assign(static_cast<std::size_t>(width) * height * 3, level);
    return image;
}

/** 0 in the left half, 1 in the right half. */
imaging::HeatMap halfMap(int width, int height) {
    imaging::HeatMap map;
    map.width = width;
    map.height = height;
    map.values.assign(static_cast<std::size_t>(width) * height, 0.0f);
    for (int y = 0; y < height; ++y) {
        for (int x = width / 2; x < width; ++x) {
            map.values[static_cast<std::size_t>(y) * width + x] = 1.0f;
        }
    }
    return map;
}

} // namespace

class TestHeatMapOverlay : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opacityZeroIsTheImage() {
        const imaging::RgbImage image = greyImage(31, 17, 90);
        const imaging::RgbImage out = imaging::overlayHeatMap(image, halfMap(31, 17), 0.0f);
        QCOMPARE(out.width, 31);
        QCOMPARE(out.height, 17);
        QVERIFY(out.pixels == image.pixels);
    }

    void colourWhereTheMapIsHigh() {
        const imaging::RgbImage image = greyImage(30, 20, 100);
        const imaging::RgbImage out = imaging::overlayHeatMap(image, halfMap(30, 20), 1.0f);
        QCOMPARE(out.width, 30);
        QCOMPARE(out.height, 20);
        const std::uint8_t* left = out.row(10) + 2 * 3;
        QCOMPARE(int(left[0]), 100); // map 0: the photo as it was
        QCOMPARE(int(left[2]), 100);
        const std::uint8_t* right = out.row(10) + 27 * 3;
        QVERIFY2(right[0] > 100 && right[2] < 50, "jet's 1 is red"); // R high, B low
        // Half opacity lies between the two.
        const imaging::RgbImage half = imaging::overlayHeatMap(image, halfMap(30, 20), 0.5f);
        const std::uint8_t* mid = half.row(10) + 27 * 3;
        QVERIFY(mid[0] > 100 && mid[0] < right[0]);
    }

    void mapOfAnotherSizeIsScaled() {
        const imaging::RgbImage image = greyImage(60, 40, 100);
        const imaging::RgbImage out = imaging::overlayHeatMap(image, halfMap(6, 4), 1.0f);
        QCOMPARE(out.width, 60);
        QCOMPARE(out.height, 40);
        QCOMPARE(int(out.row(20)[0]), 100);
        QVERIFY((out.row(20) + 59 * 3)[0] > 100);
    }
};

QTEST_GUILESS_MAIN(TestHeatMapOverlay)
#include "tst_heat_map_overlay.moc"
