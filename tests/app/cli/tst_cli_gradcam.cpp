// predict --gradcam and classify --gradcam of the built binary: per input an overlay PNG of the
// image's size and a float32 .npy map of the image's size with values 0..1, 0 outside the crop
// the model saw; two inputs with one stem get distinct names.

#include <cmath>
#include <cstring>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/imaging/eval_transform.h"
#include "core/imaging/image_decoder.h"
#include "tests/app/cli/cli_runner.h"
#include "tests/core/data/dataset_fixtures.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using tstudio::test::runCli;

namespace {

/** A parsed .npy of a 2-D float32 array (empty rows/cols when it is not one). */
struct Npy {
    int rows = 0, cols = 0;
    std::vector<float> values;
    QString problem;
};

Npy readNpy(const QString& path) {
    Npy npy;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        npy.problem = QStringLiteral("cannot open ") + path;
        return npy;
    }
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith("\x93NUMPY\x01\x00") || bytes.size() < 10) {
        npy.problem = QStringLiteral("no .npy 1.0 magic");
        return npy;
    }
    const int headerLength =
        static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    const QByteArray header = bytes.mid(10, headerLength);
    if ((10 + headerLength) % 64 != 0 || !header.contains("'descr': '<f4'") ||
        !header.contains("'fortran_order': False")) {
        npy.problem = QStringLiteral("unexpected header: ") + QString::fromLatin1(header);
        return npy;
    }
    const int open = header.indexOf("'shape': (");
    const QList<QByteArray> dims =
        header.mid(open + 10, header.indexOf(')', open) - open - 10).split(',');
    if (open < 0 || dims.size() != 2) {
        npy.problem = QStringLiteral("not 2-D: ") + QString::fromLatin1(header);
        return npy;
    }
    npy.rows = dims[0].trimmed().toInt();
    npy.cols = dims[1].trimmed().toInt();
    const qsizetype data = 10 + headerLength;
    if (bytes.size() - data != static_cast<qsizetype>(npy.rows) * npy.cols * 4) {
        npy.problem = QStringLiteral("data size does not match the shape");
        return npy;
    }
    npy.values.resize(static_cast<std::size_t>(npy.rows) * npy.cols);
    std::memcpy(npy.values.data(), bytes.constData() + data, npy.values.size() * 4);
    return npy;
}

/** Checks the files of one input: sizes, value range, zeros outside the crop (when the transform
    is given). Returns an empty string or what is wrong. */
QString checkOutputs(const QString& dir, const QString& stem, int width, int height,
                     const tstudio::imaging::EvalTransform* transform) {
    const QString png = dir + QLatin1Char('/') + stem + QStringLiteral(".gradcam.png");
    auto overlay = tstudio::imaging::decodeImage(png.toStdString());
    if (!overlay) {
        return QString::fromStdString(overlay.message());
    }
    if (overlay->width != width || overlay->height != height) {
        return png + QStringLiteral(" has another size than its image");
    }
    const Npy npy = readNpy(dir + QLatin1Char('/') + stem + QStringLiteral(".cam.npy"));
    if (!npy.problem.isEmpty()) {
        return npy.problem;
    }
    if (npy.rows != height || npy.cols != width) {
        return QStringLiteral("the map is %1 x %2, the image %3 x %4")
            .arg(npy.rows)
            .arg(npy.cols)
            .arg(height)
            .arg(width);
    }
    for (const float v : npy.values) {
        if (!std::isfinite(v) || v < 0.0f || v > 1.0f) {
            return QStringLiteral("value %1 out of 0..1").arg(v);
        }
    }
    if (transform != nullptr) {
        const auto g = tstudio::imaging::cropGeometry(width, height, *transform);
        float peak = 0.0f;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const float v = npy.values[static_cast<std::size_t>(y) * width + x];
                const double cx = (x + 0.5) * g.resizedWidth / width - g.left;
                const double cy = (y + 0.5) * g.resizedHeight / height - g.top;
                if ((cx < 0 || cx >= g.crop || cy < 0 || cy >= g.crop) && v != 0.0f) {
                    return QStringLiteral("%1 outside the crop at (%2, %3)").arg(v).arg(x).arg(y);
                }
                peak = std::max(peak, v);
            }
        }
        if (!(peak > 0.0f)) {
            return QStringLiteral("the map is all 0");
        }
    }
    return {};
}

} // namespace

class TestCliGradCam : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bundle;
    QString m_inputs;

    QString path(const char* relative) const { return m_dir.filePath(QLatin1String(relative)); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const fs::path root = fs::path(m_dir.path().toStdString());
        int seed = 1;
        for (const char* name : {"cats", "dogs"}) {
            for (int i = 0; i < 4; ++i, ++seed) {
                for (const char* split : {"train", "val"}) {
                    tstudio::test::writeBytes(root / "data" / split / name /
                                                  (std::to_string(i) + ".png"),
                                              tstudio::test::pngBytes(48, 48, seed * 7));
                }
            }
        }
        const QString out = path("run");
        const auto run =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), path("data"),
                    QStringLiteral("--out"), out, QStringLiteral("--epochs"), QStringLiteral("1"),
                    QStringLiteral("--arch"), QStringLiteral("mobilenet_v3_small"),
                    QStringLiteral("--weights"), QStringLiteral("none"), QStringLiteral("--size"),
                    QStringLiteral("32"), QStringLiteral("--batch"), QStringLiteral("4")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_bundle = out + QStringLiteral("/model.tsmodel");
        QVERIFY(QFile::exists(m_bundle));
        // Two inputs share the stem "x"; the images are not square and of different sizes.
        tstudio::test::writeBytes(root / "in" / "a" / "x.png", tstudio::test::pngBytes(70, 45, 3));
        tstudio::test::writeBytes(root / "in" / "b" / "x.png", tstudio::test::pngBytes(40, 90, 4));
        tstudio::test::writeBytes(root / "in" / "y.png", tstudio::test::pngBytes(64, 64, 5));
        m_inputs = path("in");
    }

    void predictWritesOverlayAndMapPerImage() {
        const QString out = path("cams");
        const auto run =
            runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_bundle,
                    QStringLiteral("--gradcam"), out, QStringLiteral("--json"), m_inputs});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed().split('\n').size(), 3); // one prediction per image still
        // Inputs are sorted: in/a/x.png, in/b/x.png, in/y.png.
        for (const auto& [stem, width, height] :
             {std::tuple{"x", 70, 45}, std::tuple{"x-2", 40, 90}, std::tuple{"y", 64, 64}}) {
            const QString problem =
                checkOutputs(out, QLatin1String(stem), width, height, /*transform=*/nullptr);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(QLatin1String(stem) + QStringLiteral(": ") + problem));
        }
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), 6);
    }

    void classifyWritesOverlayAndMapPerImage() {
        TSTUDIO_REQUIRE_SHARED();
        const QString photo =
            tstudio::test::sharedDir() +
            QStringLiteral("/datasets/hymenoptera/val/ants/10308379_1b6c72e180.jpg");
        auto image = tstudio::imaging::decodeImage(photo.toStdString());
        QVERIFY(image.ok());
        const QString out = path("classify-cams");
        const auto run =
            runCli({QStringLiteral("classify"), QStringLiteral("--arch"),
                    QStringLiteral("mobilenet_v2"), QStringLiteral("--weights"),
                    tstudio::test::sharedDir() +
                        QStringLiteral("/weights/mobilenet_v2_imagenet_dequantized.pth"),
                    QStringLiteral("--gradcam"), out, photo});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("1. "), run.out.constData());
        const tstudio::imaging::EvalTransform transform; // MobileNetV2: 256 -> 224, ImageNet stats
        const QString problem = checkOutputs(out, QStringLiteral("10308379_1b6c72e180"),
                                             image->width, image->height, &transform);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void unwritableFolderExitsWith4() {
        const QString blocker = path("blocker");
        QVERIFY(tstudio::test::writeFile(blocker, "a file, not a folder"));
        const auto run =
            runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_bundle,
                    QStringLiteral("--gradcam"), blocker + QStringLiteral("/cams"), m_inputs});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("blocker"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliGradCam)
#include "tst_cli_gradcam.moc"
