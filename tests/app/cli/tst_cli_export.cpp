// tstudio export, run as a user would: a model trained briefly by `tstudio train` exported to
// .pth, .safetensors, TorchScript and ONNX (verified, with sidecar and card), Inception v3 as
// TorchScript and ONNX; refused formats and bad bundles write nothing.

#include <filesystem>
#include <string>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/cli/cli_runner.h"
#include "tests/core/data/dataset_fixtures.h"

namespace fs = std::filesystem;

namespace {

using Run = tstudio::test::CliRun;
using tstudio::test::runCli;

/** Nothing of an export at out: no weights, sidecar, card or staging file. */
bool nothingAt(const QString& out) {
    for (const char* suffix : {"", ".json", ".md", ".partial"}) {
        if (QFile::exists(out + QLatin1String(suffix))) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestCliExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bundle;

    QString path(const char* relative) const { return m_dir.filePath(QLatin1String(relative)); }

    QStringList exportArgs(const QString& bundle, const char* format, const QString& out) const {
        return {
            QStringLiteral("export"), QStringLiteral("--model"), bundle, QStringLiteral("--format"),
            QLatin1String(format),    QStringLiteral("--out"),   out};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const fs::path root = fs::path(m_dir.path().toStdString()) / "data";
        int seed = 1;
        for (const char* split : {"train", "val", "test"}) {
            for (const char* name : {"cats", "dogs"}) {
                for (int i = 0; i < 4; ++i, ++seed) {
                    tstudio::test::writeBytes(root / split / name / (std::to_string(i) + ".png"),
                                              tstudio::test::pngBytes(48, 48, seed));
                }
            }
        }
        const Run trained =
            runCli({QStringLiteral("train"), QStringLiteral("--data"),
                    QString::fromStdString(root.string()), QStringLiteral("--out"), path("run"),
                    QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--arch"),
                    QStringLiteral("mobilenet_v3_small"), QStringLiteral("--weights"),
                    QStringLiteral("none"), QStringLiteral("--size"), QStringLiteral("32"),
                    QStringLiteral("--batch"), QStringLiteral("4")});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        m_bundle = path("run/model.tsmodel");
        QVERIFY(QFile::exists(m_bundle));
    }

    void exportsVerifiedPthWithSidecarAndCard() {
        const QString out = path("model.pth");
        const Run run = runCli(exportArgs(m_bundle, "pth", out));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("Verified: the file read back gives the model's logits within"),
                 run.out.constData());
        QVERIFY2(run.out.contains("Loads strictly into torchvision: model = "
                                  "torchvision.models.mobilenet_v3_small(num_classes=2)"),
                 run.out.constData());
        for (const char* suffix : {"", ".json", ".md"}) {
            QVERIFY2(run.out.contains((out + QLatin1String(suffix)).toUtf8()), suffix);
            QVERIFY(QFile::exists(out + QLatin1String(suffix)));
        }
        QVERIFY(!QFile::exists(out + QStringLiteral(".partial")));
        QFile card(out + QStringLiteral(".md"));
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QByteArray text = card.readAll();
        // The run had a test split: its result and confusion matrix are in the card.
        QVERIFY2(text.contains("Confusion matrix") && text.contains("| cats |"), text.constData());
    }

    void exportsSafetensorsAsJson() {
        const QString out = path("model.safetensors");
        const Run run = runCli(exportArgs(m_bundle, "safetensors", out) +
                               QStringList{QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QVERIFY2(json.value(QStringLiteral("maxAbsDifference")).toDouble(1.0) <= 1e-4,
                 run.out.constData());
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("safetensors"));
        QVERIFY(json.value(QStringLiteral("loadsStrictlyIntoTorchvision")).toBool());
        QCOMPARE(json.value(QStringLiteral("constructor")).toString(),
                 QStringLiteral("torchvision.models.mobilenet_v3_small(num_classes=2)"));
        QCOMPARE(json.value(QStringLiteral("files")).toArray().size(), 3);
        QVERIFY(QFile::exists(out));
    }

    void exportsTorchScriptAndOnnx_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("loading");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("torchscript") << "torchscript"
                                     << "Loads with torch.jit.load(\"model.graph\")" << 1e-4;
        QTest::newRow("onnx") << "onnx"
                              << "Runs with cv2.dnn.readNetFromONNX(\"model.graph\")" << 1e-3;
    }

    /** The trained MobileNetV3 (Hardswish, squeeze-excitation) as a graph, verified. */
    void exportsTorchScriptAndOnnx() {
        QFETCH(QString, format);
        QFETCH(QString, loading);
        QFETCH(double, tolerance);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("model.graph"));
        Run run = runCli(exportArgs(m_bundle, format.toLatin1().constData(), out));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("Verified: the file read back gives the model's logits within"),
                 run.out.constData());
        QVERIFY2(run.out.contains(loading.toUtf8()), run.out.constData());
        for (const char* suffix : {"", ".json", ".md"}) {
            QVERIFY(QFile::exists(out + QLatin1String(suffix)));
        }
        run = runCli(exportArgs(m_bundle, format.toLatin1().constData(), out) +
                     QStringList{QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        // A trained model's logits are small: the ONNX bound, relative to their scale, is 1e-3.
        QVERIFY2(json.value(QStringLiteral("maxAbsDifference")).toDouble(1.0) <= tolerance,
                 run.out.constData());
        // The JSON names the format; a graph is not a state dict for torchvision's constructor,
        // so it says nothing of loading into one.
        QCOMPARE(json.value(QStringLiteral("format")).toString(), format);
        for (const char* stateDictOnly : {"loadsStrictlyIntoTorchvision", "constructor", "note"}) {
            QVERIFY2(!json.contains(QLatin1String(stateDictOnly)), run.out.constData());
        }
    }

    /** Inception v3 trained by `tstudio train` at its smallest input (1x7 and 7x1 convolutions,
        transform_input) exports as TorchScript and ONNX, verified. */
    void trainedInceptionExportsAsGraphs() {
        const Run trained =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), path("data"),
                    QStringLiteral("--out"), path("inception_run"), QStringLiteral("--epochs"),
                    QStringLiteral("1"), QStringLiteral("--arch"), QStringLiteral("inception_v3"),
                    QStringLiteral("--weights"), QStringLiteral("none"), QStringLiteral("--size"),
                    QStringLiteral("75"), QStringLiteral("--batch"), QStringLiteral("4")});
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const QString bundle = path("inception_run/model.tsmodel");
        for (const char* format : {"torchscript", "onnx"}) {
            QTemporaryDir dir;
            const QString out = dir.filePath(QStringLiteral("inception.graph"));
            const Run run =
                runCli(exportArgs(bundle, format, out) + QStringList{QStringLiteral("--json")});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            const QJsonObject json = QJsonDocument::fromJson(run.out).object();
            const double difference = json.value(QStringLiteral("maxAbsDifference")).toDouble(-1);
            const double allowed = json.value(QStringLiteral("allowedDifference")).toDouble(-1);
            qInfo("inception_v3 %s: largest difference %.3g (allowed %.3g)", format, difference,
                  allowed);
            QVERIFY2(difference >= 0 && difference <= allowed, run.out.constData());
            for (const char* suffix : {"", ".json", ".md"}) {
                QVERIFY(QFile::exists(out + QLatin1String(suffix)));
            }
        }
    }

    void corruptOrForeignBundleWritesNothing() {
        const QString corrupt = path("corrupt.tsmodel");
        {
            QFile file(corrupt);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("PK\x03\x04 but nothing of a model follows");
        }
        const QString out = path("from_corrupt.pth");
        Run run = runCli(exportArgs(corrupt, "pth", out));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("is not a Transfer Studio model"), run.err.constData());
        QVERIFY(nothingAt(out));

        // A model file of another program: a torch .pth, not a bundle.
        run = runCli(exportArgs(path("model.pth"), "safetensors", out));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("is not a Transfer Studio model"), run.err.constData());
        QVERIFY(nothingAt(out));

        run = runCli(exportArgs(path("no_such.tsmodel"), "pth", out));
        QCOMPARE(run.exitCode, 3);
        QVERIFY(nothingAt(out));
    }

    void badCommandLines() {
        Run run = runCli({QStringLiteral("export"), QStringLiteral("--model"), m_bundle});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("give --model BUNDLE, --format"), run.err.constData());
        run = runCli(exportArgs(m_bundle, "tflite", path("x.tflite")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Unknown export format"), run.err.constData());
        run = runCli({QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("--format pth|safetensors|torchscript|onnx"));
        // The description covers the four formats, not only the state dict.
        for (const char* needle : {"in one of four", "pth, safetensors", "torchscript",
                                   "torch.jit.load", "onnx", "OpenCV's DNN module"}) {
            QVERIFY2(run.out.contains(needle), needle);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
