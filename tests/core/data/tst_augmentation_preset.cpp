// The named augmentation presets of `tstudio train --augment` and the GUI.

#include <QTest>

#include "core/data/augmentation_preset.h"

using namespace tstudio::data;

class TestAugmentationPreset : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip() {
        for (auto preset : {AugmentationPreset::None, AugmentationPreset::Light,
                            AugmentationPreset::Standard, AugmentationPreset::Strong}) {
            QCOMPARE(augmentationPresetFromString(toString(preset)), preset);
        }
        QVERIFY(!augmentationPresetFromString("heavy"));
        QVERIFY(!augmentationPresetFromString(""));
    }

    void eachPresetAddsToTheOneBefore() {
        const AugmentationConfig none = augmentationFor(AugmentationPreset::None);
        QVERIFY(!none.crop.enabled);
        QCOMPARE(none.horizontalFlip, 0.0f);
        QCOMPARE(none.colorJitter.probability, 0.0f);

        const AugmentationConfig light = augmentationFor(AugmentationPreset::Light);
        QVERIFY(light.crop.enabled);
        QCOMPARE(light.horizontalFlip, 0.5f);
        QCOMPARE(light.colorJitter.probability, 0.0f);
        QCOMPARE(light.rotation.probability, 0.0f);

        const AugmentationConfig standard = augmentationFor(AugmentationPreset::Standard);
        QVERIFY(standard.crop.enabled);
        QVERIFY(standard.colorJitter.probability > 0.0f);
        QCOMPARE(standard.erasing.probability, 0.0f);

        const AugmentationConfig strong = augmentationFor(AugmentationPreset::Strong);
        QVERIFY(strong.colorJitter.probability > 0.0f);
        QVERIFY(strong.rotation.probability > 0.0f);
        QVERIFY(strong.erasing.probability > 0.0f);
    }

    void noneLeavesTheImageAlone() {
        tstudio::imaging::RgbImage image;
        image.width = 5;
        image.height = 3;
        for (int i = 0; i < 45; ++i) {
            image.pixels.push_back(static_cast<std::uint8_t>(i * 5));
        }
        std::mt19937_64 rng(7);
        const auto out = augmentImage(image, augmentationFor(AugmentationPreset::None), rng);
        QCOMPARE(out.width, 5);
        QCOMPARE(out.height, 3);
        QVERIFY(out.pixels == image.pixels);
    }
};

QTEST_GUILESS_MAIN(TestAugmentationPreset)
#include "tst_augmentation_preset.moc"
