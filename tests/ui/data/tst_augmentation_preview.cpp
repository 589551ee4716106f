// The augmentation preview: N images off the GUI thread, coalesced re-runs, clear failures.

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/data/decoded_image_cache.h"
#include "core/data/sample.h"
#include "core/imaging/image_decoder.h"
#include "ui/data/augmentation_preview.h"

using namespace tstudio;
using tstudio::ui::AugmentationPreview;

namespace {

data::Sample gradientSample() {
    auto image = std::make_shared<imaging::RgbImage>();
    image->width = 80;
    image->height = 60;
    image->pixels.resize(80 * 60 * 3);
    for (std::size_t i = 0; i < image->pixels.size(); ++i) {
        image->pixels[i] = static_cast<std::uint8_t>(i * 7 % 251);
    }
    data::Sample sample;
    sample.path = "/in/memory.bin";
    sample.record = 3;
    sample.image = image;
    sample.label = 0;
    return sample;
}

data::AugmentationConfig smallCrop() {
    data::AugmentationConfig config;
    config.crop.size = 48;
    config.horizontalFlip = 0.5f;
    config.rotation.probability = 1.0f;
    return config;
}

} // namespace

class TestAugmentationPreview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void producesNImages() {
        AugmentationPreview preview;
        QSignalSpy ready(&preview, &AugmentationPreview::previewReady);
        preview.setCount(6);
        preview.setConfig(smallCrop());
        preview.setSamples({gradientSample()});
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.last().at(0).toInt(), 6);
        QCOMPARE(preview.images().size(), 6);
        for (const QImage& image : preview.images()) {
            QCOMPARE(image.size(), QSize(48, 48));
        }
    }

    void coalescesABurstOfChanges() {
        AugmentationPreview preview;
        QSignalSpy ready(&preview, &AugmentationPreview::previewReady);
        preview.setSamples({gradientSample()});
        data::AugmentationConfig config = smallCrop();
        for (int i = 0; i < 20; ++i) {
            config.rotation.degrees = static_cast<float>(i);
            preview.setConfig(config);
        }
        QVERIFY(ready.wait(10000));
        QTest::qWait(400); // more than the coalescing delay: a second run would have ended
        QCOMPARE(ready.count(), 1);
        QCOMPARE(preview.images().size(), preview.count());
    }

    void showsWhatTrainingDecodes() {
        // A 640x480 photo: training augments from its fast decode shrunk to the resize (short
        // side 256 for a 224 input), not from the full-size image.
        QTemporaryDir tmp;
        qputenv("XDG_CACHE_HOME", tmp.path().toLocal8Bit());
        QImage photo(640, 480, QImage::Format_RGB888);
        for (int y = 0; y < photo.height(); ++y) {
            for (int x = 0; x < photo.width(); ++x) {
                photo.setPixel(x, y, qRgb(x % 256, y % 256, (x * y) % 256));
            }
        }
        const QString file = tmp.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(photo.save(file, "JPEG", 90));
        data::Sample sample;
        sample.path = file.toStdString();
        sample.label = 0;

        imaging::EvalTransform eval;
        eval.resizeShortSide = 256;
        eval.cropSize = 224;
        data::AugmentationConfig identity;
        identity.crop.enabled = false;
        identity.horizontalFlip = 0.0f;
        AugmentationPreview preview;
        QSignalSpy ready(&preview, &AugmentationPreview::previewReady);
        preview.setCount(1);
        preview.setConfig(identity);
        preview.setTrainingSource(eval, /*augmenting=*/true);
        preview.setSamples({sample});
        QVERIFY(ready.wait(10000));

        data::DecodedImageCache training(data::augmentationSource(eval));
        auto decoded = training.get(sample);
        QVERIFY(decoded.ok());
        const imaging::RgbImage& seen = **decoded;
        QCOMPARE(seen.height, 256);
        const QImage shown = preview.images().first().convertToFormat(QImage::Format_RGB888);
        QCOMPARE(shown.size(), QSize(seen.width, seen.height));
        for (int y = 0; y < seen.height; ++y) {
            QVERIFY(std::equal(seen.row(y), seen.row(y) + 3 * seen.width, shown.constScanLine(y)));
        }
    }

    void showsTheEvaluationCropWithoutAugmentation() {
        // Training without augmentation reads every image through the evaluation transform:
        // the preview shows that crop, not the image as decoded.
        QTemporaryDir tmp;
        qputenv("XDG_CACHE_HOME", tmp.path().toLocal8Bit());
        QImage photo(300, 200, QImage::Format_RGB888);
        for (int y = 0; y < photo.height(); ++y) {
            for (int x = 0; x < photo.width(); ++x) {
                photo.setPixel(x, y, qRgb((3 * x) % 256, (5 * y) % 256, (x + y) % 256));
            }
        }
        const QString file = tmp.filePath(QStringLiteral("photo.png"));
        QVERIFY(photo.save(file, "PNG"));
        data::Sample sample;
        sample.path = file.toStdString();
        sample.label = 0;
        imaging::EvalTransform eval;
        eval.resizeShortSide = 128;
        eval.cropSize = 112;
        AugmentationPreview preview;
        QSignalSpy ready(&preview, &AugmentationPreview::previewReady);
        preview.setCount(2);
        preview.setTrainingSource(eval, /*augmenting=*/false);
        preview.setSamples({sample});
        QVERIFY(ready.wait(10000));
        auto full = imaging::decodeImage(sample.path);
        QVERIFY(full.ok());
        const imaging::RgbImage crop = imaging::resizeAndCenterCrop(*full, eval);
        QCOMPARE(preview.images().size(), 2);
        for (const QImage& image : preview.images()) {
            const QImage shown = image.convertToFormat(QImage::Format_RGB888);
            QCOMPARE(shown.size(), QSize(112, 112));
            for (int y = 0; y < crop.height; ++y) {
                QVERIFY(
                    std::equal(crop.row(y), crop.row(y) + 3 * crop.width, shown.constScanLine(y)));
            }
        }
    }

    void reportsAnUnreadableImage() {
        AugmentationPreview preview;
        QSignalSpy failed(&preview, &AugmentationPreview::previewFailed);
        data::Sample missing;
        missing.path = "/nonexistent/tstudio/preview.jpg";
        preview.setSamples({missing});
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("preview.jpg")));
        QVERIFY(preview.images().isEmpty());
    }
};

QTEST_MAIN(TestAugmentationPreview)
#include "tst_augmentation_preview.moc"
