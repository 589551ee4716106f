// Augmentations: sizes, probabilities 0 and 1, determinism per seed, the preview API.

#include <QTest>

#include "core/data/augmentation.h"

using namespace tstudio;
using namespace tstudio::data;
using imaging::RgbImage;

namespace {

/** A 60x40 image with a gradient, so every geometric change shows. */
RgbImage gradient(int width = 60, int height = 40) {
    RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<std::size_t>(width) * height * 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.row(y) + 3 * x;
            p[0] = static_cast<std::uint8_t>(x * 4);
            p[1] = static_cast<std::uint8_t>(y * 6);
            p[2] = static_cast<std::uint8_t>(200 - x);
        }
    }
    return image;
}

AugmentationConfig nothing() {
    AugmentationConfig config;
    config.crop.enabled = false;
    config.horizontalFlip = 0;
    return config;
}

RgbImage once(const RgbImage& image, const AugmentationConfig& config, std::uint64_t seed = 1) {
    std::mt19937_64 rng(seed);
    return augmentImage(image, config, rng);
}

bool isGray(const RgbImage& image) {
    for (std::size_t i = 0; i < image.pixels.size(); i += 3) {
        if (image.pixels[i] != image.pixels[i + 1] || image.pixels[i] != image.pixels[i + 2]) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestAugmentation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nothingEnabledIsIdentity() {
        const RgbImage image = gradient();
        const RgbImage out = once(image, nothing());
        QCOMPARE(out.width, 60);
        QCOMPARE(out.pixels, image.pixels);
    }

    void cropGivesTheSizeAskedFor() {
        AugmentationConfig config = nothing();
        config.crop.enabled = true;
        config.crop.size = 32;
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            const RgbImage out = once(gradient(), config, seed);
            QCOMPARE(out.width, 32);
            QCOMPARE(out.height, 32);
            QCOMPARE(out.pixels.size(), std::size_t{32 * 32 * 3});
        }
        // Cropping a tiny image still works (falls back to a centre crop if it must).
        QCOMPARE(once(gradient(1, 3), config).width, 32);
    }

    void flipsAtProbabilityOne() {
        const RgbImage image = gradient();
        AugmentationConfig config = nothing();
        config.horizontalFlip = 1;
        const RgbImage h = once(image, config);
        QCOMPARE(int(h.row(0)[0]), int(image.row(0)[3 * 59]));
        config.horizontalFlip = 0;
        config.verticalFlip = 1;
        const RgbImage v = once(image, config);
        QCOMPARE(int(v.row(0)[1]), int(image.row(39)[1]));
    }

    void eachPhotometricOpChangesTheImage_data() {
        QTest::addColumn<int>("op");
        QTest::newRow("rotation") << 0;
        QTest::newRow("color jitter") << 1;
        QTest::newRow("grayscale") << 2;
        QTest::newRow("blur") << 3;
        QTest::newRow("erasing") << 4;
    }

    void eachPhotometricOpChangesTheImage() {
        QFETCH(int, op);
        const RgbImage image = gradient();
        AugmentationConfig config = nothing();
        switch (op) {
        case 0:
            config.rotation = {1.0f, 30.0f};
            break;
        case 1:
            config.colorJitter.probability = 1;
            break;
        case 2:
            config.grayscale = 1;
            break;
        case 3:
            config.blur = {1.0f, 5, 1.5f, 2.0f};
            break;
        case 4:
            config.erasing.probability = 1;
            break;
        }
        const RgbImage out = once(image, config, 3);
        QCOMPARE(out.width, image.width);
        QCOMPARE(out.height, image.height);
        QVERIFY(out.pixels != image.pixels);
        if (op == 2) {
            QVERIFY(isGray(out));
        }
    }

    void sameSeedSameResultOtherSeedOther() {
        AugmentationConfig config;
        config.crop.size = 24;
        config.colorJitter.probability = 0.8f;
        config.rotation.probability = 0.5f;
        config.erasing.probability = 0.5f;
        const RgbImage image = gradient();
        QCOMPARE(once(image, config, 5).pixels, once(image, config, 5).pixels);
        QVERIFY(once(image, config, 5).pixels != once(image, config, 6).pixels);
    }

    void previewGivesDistinctReproducibleVersions() {
        AugmentationConfig config;
        config.crop.size = 16;
        const auto first = previewAugmentations(gradient(), config, 6, 11);
        const auto again = previewAugmentations(gradient(), config, 6, 11);
        QCOMPARE(first.size(), std::size_t{6});
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(first[i].pixels, again[i].pixels);
            QCOMPARE(first[i].width, 16);
        }
        QVERIFY(first[0].pixels != first[1].pixels);
    }
};

QTEST_GUILESS_MAIN(TestAugmentation)
#include "tst_augmentation.moc"
