#include <QFile>
#include <QTest>

#include <torch/torch.h>

#include "core/imaging/eval_transform.h"
#include "core/imaging/image_decoder.h"
#include "core/imaging/preprocess.h"
#include "core/models/registry.h"
#include "tests/test_support.h"

using namespace tstudio;

namespace {

QString fixture(const char* name) {
    return test::sourceDir() + QStringLiteral("/tests/core/imaging/fixtures/") +
           QLatin1String(name);
}

/** One line of pattern_61x47_expected.txt (see make_preprocess_fixture.py). */
struct Expected {
    int crop = 0;
    QByteArray hexPixels; // "-" when not recorded
    qint64 byteSum = 0;
    double tensorSum = 0;
    QList<QPair<qint64, float>> samples;
};

Expected expectedFor(const QByteArray& name) {
    QFile file(fixture("pattern_61x47_expected.txt"));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    }
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split(' ');
        if (fields.size() < 5 || fields[0] != name) {
            continue;
        }
        Expected e;
        e.crop = fields[1].toInt();
        e.hexPixels = fields[2];
        e.byteSum = fields[3].toLongLong();
        e.tensorSum = fields[4].toDouble();
        for (qsizetype i = 5; i < fields.size(); ++i) {
            const QList<QByteArray> pair = fields[i].split('=');
            e.samples.append({pair[0].toLongLong(), pair[1].toFloat()});
        }
        return e;
    }
    qFatal("no case %s in the fixture", name.constData());
}

imaging::RgbImage pattern() {
    auto image = imaging::decodeImage(fixture("pattern_61x47.png").toStdString());
    if (!image) {
        qFatal("%s", image.message().c_str());
    }
    return std::move(image).value();
}

} // namespace

class TestPreprocess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesTorchvision_data() {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<int>("resize");
        QTest::addColumn<int>("filter");
        // 61x47 → 25x20, crop offset round(4.5) = 4: Python's half-to-even rounding.
        QTest::newRow("downscale bilinear")
            << QByteArray("bilinear_20_16") << 20 << int(imaging::ResampleFilter::Bilinear);
        QTest::newRow("downscale bicubic")
            << QByteArray("bicubic_21_17") << 21 << int(imaging::ResampleFilter::Bicubic);
        QTest::newRow("upscale 256/224")
            << QByteArray("bilinear_256_224") << 256 << int(imaging::ResampleFilter::Bilinear);
    }
    void matchesTorchvision() {
        QFETCH(QByteArray, name);
        QFETCH(int, resize);
        QFETCH(int, filter);
        const Expected expected = expectedFor(name);
        imaging::EvalTransform transform;
        transform.resizeShortSide = resize;
        transform.cropSize = expected.crop;
        transform.filter = static_cast<imaging::ResampleFilter>(filter);

        const imaging::RgbImage crop = imaging::resizeAndCenterCrop(pattern(), transform);
        QCOMPARE(crop.width, expected.crop);
        QCOMPARE(crop.height, expected.crop);
        qint64 byteSum = 0;
        for (std::uint8_t v : crop.pixels) {
            byteSum += v;
        }
        QCOMPARE(byteSum, expected.byteSum);
        if (expected.hexPixels != "-") {
            const QByteArray ours(reinterpret_cast<const char*>(crop.pixels.data()),
                                  qsizetype(crop.pixels.size()));
            QCOMPARE(ours.toHex(), expected.hexPixels); // PIL's resampling, bit for bit
        }

        const torch::Tensor tensor = imaging::toNormalizedTensor(crop, transform);
        QCOMPARE(tensor.sizes().vec(), (std::vector<int64_t>{3, expected.crop, expected.crop}));
        QVERIFY(std::abs(tensor.to(torch::kFloat64).sum().item<double>() - expected.tensorSum) <
                1e-6 * tensor.numel());
        const torch::Tensor flat = tensor.flatten();
        for (const auto& [index, value] : expected.samples) {
            QCOMPARE(flat[index].item<float>(), value); // same float32 operations as torchvision
        }
    }

    void transformFollowsRegistryEntry() {
        models::BackboneInfo info;
        info.defaultInputSize = 299;
        info.resizeSize = 342;
        info.interpolation = models::Interpolation::Bicubic;
        info.mean = {0.5f, 0.5f, 0.5f};
        auto t = imaging::EvalTransform::forBackbone(info);
        QCOMPARE(t.cropSize, 299);
        QCOMPARE(t.resizeShortSide, 342);
        QCOMPARE(int(t.filter), int(imaging::ResampleFilter::Bicubic));
        QCOMPARE(t.mean[1], 0.5f);
        info.defaultInputSize = 224;
        info.resizeSize = 256;
        t = imaging::EvalTransform::forBackbone(info, 448);
        QCOMPARE(t.cropSize, 448);
        QCOMPARE(t.resizeShortSide, 512);
        t = imaging::EvalTransform::forBackbone(info, 100);
        QCOMPARE(t.resizeShortSide, 114); // 256 * 100 / 224 = 114.3, rounded down
    }

    void smallImageIsPaddedLikeTorchvision() {
        // A crop larger than the resized image: torchvision pads with zeros (black), image centred.
        imaging::RgbImage white;
        white.width = 4;
        white.height = 4;
        white.pixels.assign(4 * 4 * 3, 255);
        imaging::EvalTransform t;
        t.resizeShortSide = 4;
        t.cropSize = 7;
        const imaging::RgbImage out = imaging::resizeAndCenterCrop(white, t);
        QCOMPARE(out.width, 7);
        QCOMPARE(int(out.row(0)[0]), 0);   // (7 - 4) // 2 = 1 padded row/column before
        QCOMPARE(int(out.row(1)[3]), 255); // pixel (1, 1) is the image's first
        QCOMPARE(int(out.row(4)[4 * 3]), 255);
        QCOMPARE(int(out.row(5)[5 * 3]), 0); // 2 padded after
    }
};

QTEST_GUILESS_MAIN(TestPreprocess)
#include "tst_preprocess.moc"
