// Export of trained bundles as TorchScript modules and ONNX models: read back by LibTorch's
// torch::jit::load and OpenCV's DNN module (independently of the export's own check), with our
// logits, the torchvision keys and the metadata; the zoo x {torchscript, onnx} matrix, where
// each architecture either exports and agrees or is refused before anything is written; and
// Python's torch.jit.load.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <torch/script.h>

#include "core/export/model_export.h"
#include "core/models/registry.h"
#include "core/weights/state_dict.h"
#include "export_fixtures.h"

using namespace tstudio;
using modelexport::ExportFormat;

namespace {

std::filesystem::path dirPath(const QTemporaryDir& dir) {
    return dir.path().toStdString();
}

/** Nothing of an export at out: no weights, sidecar, card or staging file. */
bool nothingAt(const std::filesystem::path& out) {
    for (const char* suffix : {"", ".json", ".md", ".partial"}) {
        std::filesystem::path path = out;
        path += suffix;
        if (std::filesystem::exists(path)) {
            return false;
        }
    }
    return true;
}

ExportFormat formatOf(const QString& name) {
    return *modelexport::parseExportFormat(name.toStdString());
}

/** The ONNX model's output for inputs, run by OpenCV. */
torch::Tensor onnxLogits(const std::filesystem::path& file, const torch::Tensor& inputs) {
    cv::dnn::Net net = cv::dnn::readNetFromONNX(file.string());
    const torch::Tensor contiguous = inputs.contiguous();
    const int sizes[] = {static_cast<int>(inputs.size(0)), 3, static_cast<int>(inputs.size(2)),
                         static_cast<int>(inputs.size(3))};
    const cv::Mat blob(4, sizes, CV_32F, contiguous.data_ptr<float>());
    net.setInput(blob);
    cv::Mat output = net.forward().clone();
    return torch::from_blob(
               output.ptr<float>(),
               {inputs.size(0), static_cast<std::int64_t>(output.total()) / inputs.size(0)},
               torch::kFloat)
        .clone();
}

/** Runs the file in its own reader, as a receiving program would. */
torch::Tensor reloadedLogits(const std::filesystem::path& file, ExportFormat format,
                             const torch::Tensor& inputs) {
    if (format == ExportFormat::Onnx) {
        return onnxLogits(file, inputs);
    }
    torch::jit::Module module = torch::jit::load(file.string());
    module.eval();
    torch::NoGradGuard noGrad;
    return module.forward({inputs}).toTensor();
}

/** The bound the export applies: absolute for TorchScript, per unit of logit scale for ONNX.
    The fixture's logits are the export's own up to its three inputs against our two. */
double allowedDifference(ExportFormat format, const torch::Tensor& logits) {
    const double tolerance = modelexport::exportTolerance(format);
    return format == ExportFormat::Onnx
               ? tolerance * std::max(1.0, logits.abs().max().item<double>())
               : tolerance;
}

bool isBuffer(const std::string& key) {
    return key.ends_with("running_mean") || key.ends_with("running_var") ||
           key.ends_with("num_batches_tracked");
}

} // namespace

class TestGraphExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    /** A small and a large backbone, with heads that take each path of the description. */
    void roundTrip_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("head");
        QTest::addColumn<QString>("format");
        const char* rows[][2] = {{"resnet18", "neck"},
                                 {"resnet18", "max,16:gelu:0.1,8:silu,dropout=0.2"},
                                 {"resnet50", "avg"},
                                 {"mobilenet_v2", "neck"},
                                 {"mobilenet_v2", "flatten,8:relu"}};
        for (const auto& row : rows) {
            for (const char* format : {"torchscript", "onnx"}) {
                std::string name = row[0];
                name += " ";
                name += row[1];
                name += " ";
                name += format;
                QTest::newRow(name.c_str()) << row[0] << row[1] << format;
            }
        }
    }

    void roundTrip() {
        QFETCH(QString, arch);
        QFETCH(QString, head);
        QFETCH(QString, format);
        const ExportFormat exportFormat = formatOf(format);
        QTemporaryDir dir;
        const auto made =
            test::makeBundle(dirPath(dir), arch.toStdString(), head.toStdString(), /*size=*/64);
        const std::filesystem::path out = dirPath(dir) / "model.out";
        auto result = modelexport::exportModel(made.path, exportFormat, out);
        QVERIFY2(result, result ? "" : result.message().c_str());
        const double tolerance = allowedDifference(exportFormat, made.logits);
        QVERIFY(result->allowedDifference >= modelexport::exportTolerance(exportFormat));
        QVERIFY(result->maxAbsDifference <= result->allowedDifference);
        QVERIFY(result->verifiedInputs > 0);
        QVERIFY(!std::filesystem::exists(dirPath(dir) / "model.out.partial"));
        QVERIFY(std::filesystem::exists(result->sidecarFile));
        QVERIFY(std::filesystem::exists(result->cardFile));

        // Read back here too, on the fixture's own inputs (batch 2, where the export checked 3).
        const torch::Tensor logits = reloadedLogits(out, exportFormat, made.inputs);
        QCOMPARE(logits.sizes(), made.logits.sizes());
        const double difference = (logits - made.logits).abs().max().item<double>();
        qInfo("%s %s %s: export's check %.3g, reread %.3g (largest |logit| %.3g)", qPrintable(arch),
              qPrintable(head), qPrintable(format), result->maxAbsDifference, difference,
              made.logits.abs().max().item<double>());
        QVERIFY(difference <= tolerance);

        QFile sidecar(QString::fromStdString(result->sidecarFile.string()));
        QVERIFY(sidecar.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(sidecar.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("weightsFormat")).toString(), format);
        // A graph file is not a state dict: which torchvision model takes it does not apply.
        QVERIFY(!json.contains(QStringLiteral("torchvision")));
        QCOMPARE(json.value(QStringLiteral("verification"))
                     .toObject()
                     .value(QStringLiteral("tolerance"))
                     .toDouble(),
                 result->allowedDifference);
    }

    /** The module's state_dict holds the .pth export's keys and tensors; its attributes carry
        the classes and the preprocessing. */
    void torchScriptHasTorchvisionKeysAndMetadata() {
        QTemporaryDir dir;
        const auto made = test::makeBundle(dirPath(dir), "resnet18", "avg", 32);
        const std::filesystem::path script = dirPath(dir) / "model.pt";
        const std::filesystem::path pth = dirPath(dir) / "model.pth";
        QVERIFY(modelexport::exportModel(made.path, ExportFormat::TorchScript, script));
        QVERIFY(modelexport::exportModel(made.path, ExportFormat::Pth, pth));
        auto expected = weights::readStateDict(pth);
        QVERIFY(expected);

        torch::jit::Module module = torch::jit::load(script.string());
        std::map<std::string, torch::Tensor> held;
        for (const auto& item : module.named_parameters(/*recurse=*/true)) {
            QVERIFY2(!isBuffer(item.name), item.name.c_str());
            held.emplace(item.name, item.value);
        }
        for (const auto& item : module.named_buffers(/*recurse=*/true)) {
            QVERIFY2(isBuffer(item.name), item.name.c_str());
            held.emplace(item.name, item.value);
        }
        QCOMPARE(held.size(), expected->size());
        for (const auto& [key, tensor] : *expected) {
            const auto it = held.find(key);
            QVERIFY2(it != held.end(), key.c_str());
            QVERIFY2(it->second.equal(tensor), key.c_str());
        }
        QVERIFY(held.count("fc.weight") == 1); // avg + one Linear: torchvision's fc

        QVERIFY(!module.attr("training").toBool());
        const auto classes = module.attr("classes").toList();
        QCOMPARE(classes.size(), test::bundleClasses().size());
        for (std::size_t i = 0; i < classes.size(); ++i) {
            QCOMPARE(classes.get(i).toStringRef(), test::bundleClasses()[i]);
        }
        QCOMPARE(module.attr("input_size").toInt(), 32);
        QCOMPARE(module.attr("mean").toDoubleList().size(), 3u);
        QVERIFY(std::abs(module.attr("std").toDoubleList().get(0) - 0.229) < 1e-6);
    }

    /** The ONNX model names its classes and preprocessing in metadata_props, and runs at
        another batch size than the one it was traced at. */
    void onnxHasMetadataAndDynamicBatch() {
        QTemporaryDir dir;
        const auto made = test::makeBundle(dirPath(dir), "mobilenet_v2", "neck", 32);
        const std::filesystem::path out = dirPath(dir) / "model.onnx";
        auto result = modelexport::exportModel(made.path, ExportFormat::Onnx, out);
        QVERIFY2(result, result ? "" : result.message().c_str());
        QFile file(QString::fromStdString(out.string()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const char* needle : {"classes", "[\"ant\",\"bee\",\"wasp\"]", "input_size",
                                   "resize_short_side", "mean", "std", "mobilenet_v2", "logits"}) {
            QVERIFY2(bytes.contains(needle), needle);
        }
        for (const int batch : {1, 5}) {
            torch::Tensor inputs = torch::randn({batch, 3, 32, 32});
            const torch::Tensor logits = onnxLogits(out, inputs);
            QCOMPARE(logits.size(0), static_cast<std::int64_t>(batch));
            QCOMPARE(logits.size(1), static_cast<std::int64_t>(3));
        }
    }

    /** Every backbone at a small input: exported and agreeing, or refused before anything is
        written with "not supported yet for <arch>". */
    void zooMatrix_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("format");
        for (const models::BackboneInfo& info : models::backboneRegistry()) {
            for (const char* format : {"torchscript", "onnx"}) {
                std::string row = info.name;
                row += " ";
                row += format;
                QTest::newRow(row.c_str()) << QString::fromStdString(info.name) << format;
            }
        }
    }

    void zooMatrix() {
        QFETCH(QString, arch);
        QFETCH(QString, format);
        const ExportFormat exportFormat = formatOf(format);
        const models::BackboneInfo* info = models::findBackbone(arch.toStdString());
        QVERIFY(info != nullptr);
        QTemporaryDir dir;
        const auto made = test::makeBundle(dirPath(dir), arch.toStdString(), "neck",
                                           std::max(32, info->minInputSize));
        const std::filesystem::path out = dirPath(dir) / "model.out";
        const Status supported = modelexport::supportsExport(arch.toStdString(), exportFormat);
        auto result = modelexport::exportModel(made.path, exportFormat, out);
        if (!supported) {
            QVERIFY(!result);
            QVERIFY2(result.message().find("not supported yet for " + info->displayName) !=
                         std::string::npos,
                     result.message().c_str());
            QVERIFY(nothingAt(out));
            qInfo("%s %s: refused", qPrintable(arch), qPrintable(format));
            return;
        }
        QVERIFY2(result, result ? "" : result.message().c_str());
        qInfo("%s %s: largest difference %.3g (allowed %.3g, logits up to %.3g)", qPrintable(arch),
              qPrintable(format), result->maxAbsDifference, result->allowedDifference,
              made.logits.abs().max().item<double>());
        QVERIFY(result->maxAbsDifference <= result->allowedDifference);
        const torch::Tensor logits = reloadedLogits(out, exportFormat, made.inputs);
        QVERIFY((logits - made.logits).abs().max().item<double>() <=
                allowedDifference(exportFormat, made.logits));
    }

    /** Inception v3 with its batch norms calibrated (logits of tens, not ~1e8 as in the matrix),
        where a wrong padding, epsilon or input transform would show in the logits themselves:
        TorchScript agrees within 1e-4, ONNX within its bound. (This randomly weighted network is
        sensitive: float32 against float64, or PyTorch's contiguous against channels-last
        float32, already differ by ~1.5e-3 on logits of ~30, and OpenCV by as much.) */
    void inceptionAgreesWithCalibratedNorms_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("torchscript") << "torchscript";
        QTest::newRow("onnx") << "onnx";
    }

    void inceptionAgreesWithCalibratedNorms() {
        QFETCH(QString, format);
        const ExportFormat exportFormat = formatOf(format);
        QTemporaryDir dir;
        const auto made = test::makeBundle(dirPath(dir), "inception_v3", "neck", /*inputSize=*/0,
                                           /*calibrateNorms=*/true);
        const double scale = made.logits.abs().max().item<double>();
        QVERIFY2(scale < 100, qPrintable(QString::number(scale)));
        const std::filesystem::path out = dirPath(dir) / "model.out";
        auto result = modelexport::exportModel(made.path, exportFormat, out);
        QVERIFY2(result, result ? "" : result.message().c_str());
        const torch::Tensor logits = reloadedLogits(out, exportFormat, made.inputs);
        const double difference = (logits - made.logits).abs().max().item<double>();
        qInfo("inception_v3 %s: logits up to %.3g, largest difference %.3g (export's own %.3g)",
              qPrintable(format), scale, difference, result->maxAbsDifference);
        QVERIFY(difference <= allowedDifference(exportFormat, made.logits));
    }

    /** Python's torch.jit.load runs the module and gives our logits on our inputs. */
    void pythonRunsTorchScript_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("head");
        QTest::newRow("resnet18 avg") << "resnet18"
                                      << "avg";
        QTest::newRow("mobilenet_v2 neck") << "mobilenet_v2"
                                           << "neck";
        QTest::newRow("inception_v3 neck") << "inception_v3"
                                           << "neck";
    }

    void pythonRunsTorchScript() {
        QFETCH(QString, arch);
        QFETCH(QString, head);
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(python)) {
            QSKIP("/usr/bin/python3 is not installed");
        }
        if (QProcess::execute(python, {QStringLiteral("-c"), QStringLiteral("import torch")}) !=
            0) {
            QSKIP("python3 has no torch (apt install python3-torch)");
        }
        QTemporaryDir dir;
        // 64 pixels, or the least the architecture takes (Inception: 75).
        const int size = std::max(64, models::findBackbone(arch.toStdString())->minInputSize);
        const auto made =
            test::makeBundle(dirPath(dir), arch.toStdString(), head.toStdString(), size);
        const std::filesystem::path out = dirPath(dir) / "model.pt";
        auto result = modelexport::exportModel(made.path, ExportFormat::TorchScript, out);
        QVERIFY2(result, result ? "" : result.message().c_str());
        const std::filesystem::path expected = dirPath(dir) / "expected.pth";
        QVERIFY(weights::writePth(expected, {{"inputs", made.inputs}, {"logits", made.logits}}));

        const QString script = QStringLiteral(R"(
import sys, torch
model = torch.jit.load(sys.argv[1])
model.eval()
assert list(model.classes) == ["ant", "bee", "wasp"], model.classes
expected = torch.load(sys.argv[2])
with torch.no_grad():
    logits = model(expected["inputs"])
print("%.3g" % (logits - expected["logits"]).abs().max().item())
)");
        QProcess process;
        process.start(python, {QStringLiteral("-c"), script, QString::fromStdString(out.string()),
                               QString::fromStdString(expected.string())});
        QVERIFY(process.waitForFinished(300'000));
        const QByteArray output = process.readAllStandardOutput().trimmed();
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        bool number = false;
        const double difference = output.toDouble(&number);
        QVERIFY2(number, output.constData());
        qInfo("%s %s: torch.jit.load in Python, largest difference %.3g", qPrintable(arch),
              qPrintable(head), difference);
        QVERIFY(difference <= modelexport::kExportTolerance);
    }
};

QTEST_GUILESS_MAIN(TestGraphExport)
#include "tst_graph_export.moc"
