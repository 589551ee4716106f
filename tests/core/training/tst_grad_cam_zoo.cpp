// Grad-CAM on every backbone of the zoo (random initialisation, 64 px or the arch's minimum: at
// 32 px the last block is 1x1, too coarse to say anything about) cut the way
// BundleClassifier cuts it, and end to end through a written bundle: the map has the image's own
// (non-square) size, finite values in 0..1, exactly 0 outside the centre crop, and a peak > 0.
// A random network may have no positive evidence for its top-1 class (Grad-CAM's map is then
// all 0, as it should be); the other classes are tried then, and one of them must have some.

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <torch/torch.h>

#include "core/imaging/eval_transform.h"
#include "core/inference/grad_cam.h"
#include "core/models/registry.h"
#include "core/training/bundle_writer.h"
#include "core/training/model_bundle.h"
#include "core/training/transfer_net.h"

using namespace tstudio;

namespace {

constexpr const char* kAllZero = "the map is all 0";

/** A non-square image of smooth colour ramps (a random net needs some structure to respond to). */
imaging::RgbImage rampImage(int width, int height) {
    imaging::RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(static_cast<std::size_t>(width) * height * 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* px = image.row(y) + static_cast<std::size_t>(x) * 3;
            px[0] = static_cast<std::uint8_t>(255 * x / width);
            px[1] = static_cast<std::uint8_t>(255 * y / height);
            px[2] = static_cast<std::uint8_t>((x * y) % 256);
        }
    }
    return image;
}

/** Checks the map against image and transform; returns an empty string or what is wrong. */
QString checkMap(const imaging::HeatMap& map, const imaging::RgbImage& image,
                 const imaging::EvalTransform& transform) {
    if (map.width != image.width || map.height != image.height ||
        map.values.size() != static_cast<std::size_t>(image.width) * image.height) {
        return QStringLiteral("map is %1x%2, image %3x%4")
            .arg(map.width)
            .arg(map.height)
            .arg(image.width)
            .arg(image.height);
    }
    const imaging::CropGeometry g = imaging::cropGeometry(image.width, image.height, transform);
    float peak = 0.0f;
    for (int y = 0; y < map.height; ++y) {
        for (int x = 0; x < map.width; ++x) {
            const float v = map.at(x, y);
            if (!std::isfinite(v) || v < 0.0f || v > 1.0f) {
                return QStringLiteral("value %1 at (%2, %3)").arg(v).arg(x).arg(y);
            }
            const double cx = (x + 0.5) * g.resizedWidth / image.width - g.left;
            const double cy = (y + 0.5) * g.resizedHeight / image.height - g.top;
            const bool inside = cx >= 0 && cx < g.crop && cy >= 0 && cy < g.crop;
            if (!inside && v != 0.0f) {
                return QStringLiteral("%1 outside the crop at (%2, %3)").arg(v).arg(x).arg(y);
            }
            peak = std::max(peak, v);
        }
    }
    return peak > 0.0f ? QString() : QString::fromLatin1(kAllZero);
}

training::TrainingConfig zooConfig(const models::BackboneInfo& info) {
    training::TrainingConfig config;
    config.arch = info.name;
    config.fromScratch = true;
    config.inputSize = std::max(info.minInputSize, 64); // a last block of 2x2 at least
    config.head = *training::parseHeadSpec("neck");
    config.seed = 5;
    return config;
}

} // namespace

class TestGradCamZoo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void everyBackbone_data() {
        QTest::addColumn<QString>("arch");
        for (const models::BackboneInfo& info : models::backboneRegistry()) {
            QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name);
        }
    }

    void everyBackbone() {
        QFETCH(QString, arch);
        const models::BackboneInfo& info = *models::findBackbone(arch.toStdString());
        const training::TrainingConfig config = zooConfig(info);
        auto net = training::TransferNet::create(config, 3);
        QVERIFY2(net.ok(), net.ok() ? "" : net.message().c_str());
        net->train(false);
        const training::CutPoint cut{net->blockCount(), /*throughPooling=*/false};
        const imaging::EvalTransform transform =
            imaging::EvalTransform::forBackbone(info, config.inputSize);
        const imaging::RgbImage image = rampImage(config.inputSize * 2 + 3, config.inputSize + 7);
        QString problem = QStringLiteral("no class tried");
        for (int cls = -1; cls < 3 && (cls < 0 || problem == QLatin1String(kAllZero)); ++cls) {
            auto cam = inference::gradCamOfImage(
                [&](const torch::Tensor& x) { return net->forwardPrefix(x, cut); },
                [&](const torch::Tensor& a) { return net->forwardSuffix(a, cut); }, image,
                transform, torch::kCPU, cls);
            QVERIFY2(cam.ok(), cam.ok() ? "" : cam.message().c_str());
            QCOMPARE(cam->probabilities.size(), std::size_t{3});
            QVERIFY(cls < 0 || cam->heatMap.classIndex == cls);
            problem = checkMap(cam->heatMap, image, transform);
        }
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // The public API: a bundle written, opened, and explained from a file-less decoded image,
    // for the top-1 class and a chosen one; a class it does not have fails clearly.
    void bundleClassifier() {
        QTemporaryDir dir;
        const auto& info = *models::findBackbone("mobilenet_v3_small");
        training::BundleInfo bundle;
        bundle.config = zooConfig(info);
        bundle.classes = {"a", "b", "c"};
        bundle.preprocessing = imaging::EvalTransform::forBackbone(info, bundle.config.inputSize);
        auto net = training::TransferNet::create(bundle.config, 3);
        QVERIFY(net.ok());
        const std::filesystem::path path = dir.filePath(QStringLiteral("m.tsmodel")).toStdString();
        QVERIFY(training::writeBundle(path, *net, bundle).ok());
        auto classifier = training::BundleClassifier::open(path);
        QVERIFY2(classifier.ok(), classifier.ok() ? "" : classifier.message().c_str());

        const imaging::RgbImage image = rampImage(45, 80);
        auto top = classifier->gradCam(image);
        QVERIFY2(top.ok(), top.ok() ? "" : top.message().c_str());
        QCOMPARE(top->heatMap.classIndex, top->prediction.predicted);
        QCOMPARE(top->prediction.probabilities.size(), std::size_t{3});
        const QString problem = checkMap(top->heatMap, image, bundle.preprocessing);
        QVERIFY2(problem.isEmpty() || problem == QLatin1String(kAllZero), qPrintable(problem));
        const auto other = (top->prediction.predicted + 1) % 3;
        auto chosen = classifier->gradCam(image, other);
        QVERIFY(chosen.ok());
        QCOMPARE(chosen->heatMap.classIndex, other);
        QCOMPARE(chosen->prediction.predicted, top->prediction.predicted);

        auto wrong = classifier->gradCam(image, 3);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.message().find("class 3") != std::string::npos, wrong.message().c_str());
        auto missing = classifier->gradCam(
            std::filesystem::path(dir.filePath(QStringLiteral("none.png")).toStdString()));
        QVERIFY(!missing.ok());
    }
};

QTEST_GUILESS_MAIN(TestGradCamZoo)
#include "tst_grad_cam_zoo.moc"
