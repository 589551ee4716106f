// Export of trained bundles to .pth and .safetensors: the torchvision layout, the verification,
// the sidecar and the model card, every backbone of the zoo, and what is refused.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

QJsonObject readJson(const std::filesystem::path& path) {
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString readText(const std::filesystem::path& path) {
    QFile file(QString::fromStdString(path.string()));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool hasKey(const weights::StateDict& dict, const std::string& key) {
    return std::any_of(dict.begin(), dict.end(), [&](const auto& e) { return e.first == key; });
}

bool hasPrefix(const weights::StateDict& dict, const std::string& prefix) {
    return std::any_of(dict.begin(), dict.end(),
                       [&](const auto& e) { return e.first.starts_with(prefix); });
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

} // namespace

class TestModelExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formatsAreParsed() {
        QVERIFY(*modelexport::parseExportFormat("pth") == ExportFormat::Pth);
        QVERIFY(*modelexport::parseExportFormat("safetensors") == ExportFormat::Safetensors);
        QVERIFY(*modelexport::parseExportFormat("torchscript") == ExportFormat::TorchScript);
        QVERIFY(*modelexport::parseExportFormat("onnx") == ExportFormat::Onnx);
        for (const ExportFormat format : {ExportFormat::Pth, ExportFormat::Safetensors,
                                          ExportFormat::TorchScript, ExportFormat::Onnx}) {
            QVERIFY(*modelexport::parseExportFormat(modelexport::formatName(format)) == format);
        }
        auto unknown = modelexport::parseExportFormat("tflite");
        QVERIFY(!unknown);
        QVERIFY2(unknown.message().find("tflite") != std::string::npos, unknown.message().c_str());
    }

    /** A small and a large backbone, with the heads that take each path of the layout. */
    void roundTrip_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("head");
        QTest::addColumn<bool>("safetensors");
        QTest::addColumn<bool>("strict");
        QTest::addColumn<QString>("finalKey");
        QTest::newRow("mobilenet_v3_small neck")
            << "mobilenet_v3_small"
            << "neck" << false << true << "classifier.3.weight";
        QTest::newRow("mobilenet_v3_small avg (its neck has a hidden layer)")
            << "mobilenet_v3_small"
            << "avg" << true << false << "head.fc.weight";
        QTest::newRow("mobilenet_v2 avg,hidden")
            << "mobilenet_v2"
            << "avg,16:relu:0.1,dropout=0.2" << false << false << "head.hidden.0.weight";
        QTest::newRow("resnet50 avg -> fc") << "resnet50"
                                            << "avg" << false << true << "fc.weight";
        QTest::newRow("resnet50 max") << "resnet50"
                                      << "max" << true << false << "head.fc.weight";
        QTest::newRow("inception_v3 avg -> fc, no AuxLogits")
            << "inception_v3"
            << "avg" << true << true << "fc.weight";
        QTest::newRow("densenet121 avg (its neck has a ReLU)")
            << "densenet121"
            << "avg" << false << false << "head.fc.weight";
    }

    void roundTrip() {
        QFETCH(QString, arch);
        QFETCH(QString, head);
        QFETCH(bool, safetensors);
        QFETCH(bool, strict);
        QFETCH(QString, finalKey);
        QTemporaryDir dir;
        const auto made = test::makeBundle(dirPath(dir), arch.toStdString(), head.toStdString());
        const std::filesystem::path out =
            dirPath(dir) / (safetensors ? "model.safetensors" : "model.pth");
        auto result = modelexport::exportModel(
            made.path, safetensors ? ExportFormat::Safetensors : ExportFormat::Pth, out);
        QVERIFY2(result, result ? "" : result.message().c_str());
        qInfo("%s %s: largest difference %.3g", qPrintable(arch), qPrintable(head),
              result->maxAbsDifference);
        QVERIFY(result->maxAbsDifference <= modelexport::kExportTolerance);
        QCOMPARE(result->verifiedInputs, 3);
        QCOMPARE(result->torchvision.loadsStrictly, strict);
        QCOMPARE(result->torchvision.note.empty(), strict);
        QVERIFY(std::filesystem::exists(out));
        QVERIFY(!std::filesystem::exists(out.string() + ".partial"));

        auto dict = weights::readStateDict(out);
        QVERIFY(dict);
        QVERIFY2(hasKey(*dict, finalKey.toStdString()), qPrintable(finalKey));
        QCOMPARE(hasPrefix(*dict, "head."), !strict);
        if (arch == QLatin1String("inception_v3") && strict) {
            QVERIFY(!hasPrefix(*dict, "AuxLogits."));
            QVERIFY(result->torchvision.constructor.find("aux_logits=False") != std::string::npos);
        }

        const QJsonObject sidecar = readJson(result->sidecarFile);
        QCOMPARE(sidecar.value(QStringLiteral("architecture")).toString(), arch);
        QCOMPARE(sidecar.value(QStringLiteral("weightsFile")).toString(),
                 QString::fromStdString(out.filename().string()));
        QCOMPARE(sidecar.value(QStringLiteral("classes")).toArray().size(), 3);
        QCOMPARE(sidecar.value(QStringLiteral("torchvision"))
                     .toObject()
                     .value(QStringLiteral("loadsStrictly"))
                     .toBool(),
                 strict);
        QVERIFY(sidecar.value(QStringLiteral("preprocessing"))
                    .toObject()
                    .value(QStringLiteral("mean"))
                    .isArray());
        QCOMPARE(sidecar.value(QStringLiteral("head"))
                     .toObject()
                     .value(QStringLiteral("spec"))
                     .toString()
                     .isEmpty(),
                 false);

        const QString card = readText(result->cardFile);
        for (const char* needle : {"ant", "bee", "wasp", "Best epoch 1", "## Training data",
                                   "| ant | 12 | 3 | 0 |", "| wasp | 8 | 2 | 0 |"}) {
            QVERIFY2(card.contains(QLatin1String(needle)), needle);
        }
        // The validation split of the epoch the weights come from, rows the true classes, in
        // the Validation section (the bundle has no test split, so the only matrix there is).
        const qsizetype validation = card.indexOf(QLatin1String("## Validation"));
        const qsizetype test = card.indexOf(QLatin1String("## Test"));
        QVERIFY(validation >= 0 && test > validation);
        const QString section = card.mid(validation, test - validation);
        for (const char* needle :
             {"The weights in this file are epoch 1's; on its 9 validation images: accuracy 77.78 "
              "%",
              "Confusion matrix (rows: true class, columns: predicted)", "| | ant | bee | wasp |",
              "| **ant** | 2 | 1 | 0 |", "| **bee** | 0 | 3 | 1 |", "| **wasp** | 0 | 0 | 2 |",
              "| bee | 0.750 | 0.750 | 0.750 | 4 |"}) {
            QVERIFY2(section.contains(QLatin1String(needle)), needle);
        }
    }

    /** Every backbone, both formats, the default head, at the smallest input each takes. */
    void zooMatrix_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<bool>("safetensors");
        for (const models::BackboneInfo& info : models::backboneRegistry()) {
            for (const bool safetensors : {false, true}) {
                const std::string row = info.name + (safetensors ? " safetensors" : " pth");
                QTest::newRow(row.c_str()) << QString::fromStdString(info.name) << safetensors;
            }
        }
    }

    void zooMatrix() {
        QFETCH(QString, arch);
        QFETCH(bool, safetensors);
        QTemporaryDir dir;
        const auto made = test::makeBundle(dirPath(dir), arch.toStdString());
        const std::filesystem::path out = dirPath(dir) / "model.out";
        auto result = modelexport::exportModel(
            made.path, safetensors ? ExportFormat::Safetensors : ExportFormat::Pth, out);
        QVERIFY2(result, result ? "" : result.message().c_str());
        qInfo("%s %s: largest difference %.3g", qPrintable(arch),
              safetensors ? "safetensors" : "pth", result->maxAbsDifference);
        QVERIFY(result->maxAbsDifference <= modelexport::kExportTolerance);
        QVERIFY(result->torchvision.loadsStrictly);
        // The file read back holds exactly the bundle's tensors, under torchvision's names.
        auto exported = weights::readStateDict(out);
        auto bundle = weights::readStateDict(made.path);
        QVERIFY(exported && bundle);
        QCOMPARE(exported->size(), bundle->size());
        for (std::size_t i = 0; i < bundle->size(); ++i) {
            QCOMPARE((*exported)[i].first, (*bundle)[i].first);
            QVERIFY((*exported)[i].second.equal((*bundle)[i].second));
        }
    }

    /** Python's torchvision builds the model the sidecar names and loads the .pth strictly; its
        logits on our inputs are ours. */
    void pythonLoadsStrictly_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("head");
        QTest::newRow("resnet18 avg") << "resnet18"
                                      << "avg";
        QTest::newRow("mobilenet_v2 neck") << "mobilenet_v2"
                                           << "neck";
        QTest::newRow("mobilenet_v3_large neck") << "mobilenet_v3_large"
                                                 << "neck";
        QTest::newRow("efficientnet_b0 avg") << "efficientnet_b0"
                                             << "avg";
        QTest::newRow("densenet121 neck") << "densenet121"
                                          << "neck";
        QTest::newRow("inception_v3 neck") << "inception_v3"
                                           << "neck";
        QTest::newRow("inception_v3 avg") << "inception_v3"
                                          << "avg";
        QTest::newRow("convnext_tiny neck") << "convnext_tiny"
                                            << "neck";
        QTest::newRow("vgg16_bn neck") << "vgg16_bn"
                                       << "neck";
    }

    void pythonLoadsStrictly() {
        QFETCH(QString, arch);
        QFETCH(QString, head);
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(python)) {
            QSKIP("/usr/bin/python3 is not installed");
        }
        if (QProcess::execute(
                python, {QStringLiteral("-c"), QStringLiteral("import torch, torchvision")}) != 0) {
            QSKIP("python3 has no torch/torchvision (apt install python3-torchvision)");
        }
        QTemporaryDir dir;
        const auto made = test::makeBundle(dirPath(dir), arch.toStdString(), head.toStdString());
        const std::filesystem::path out = dirPath(dir) / "model.pth";
        auto result = modelexport::exportModel(made.path, ExportFormat::Pth, out);
        QVERIFY2(result, result ? "" : result.message().c_str());
        QVERIFY(result->torchvision.loadsStrictly);
        const std::filesystem::path expected = dirPath(dir) / "expected.pth";
        QVERIFY(weights::writePth(expected, {{"inputs", made.inputs}, {"logits", made.logits}}));

        const QString script = QStringLiteral(R"(
import json, sys, torch, torchvision
sidecar = json.load(open(sys.argv[1] + ".json"))
model = eval(sidecar["torchvision"]["constructor"])
model.load_state_dict(torch.load(sys.argv[1]), strict=True)
model.eval()
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
        qInfo("%s %s: torchvision %s, largest difference %.3g", qPrintable(arch), qPrintable(head),
              result->torchvision.constructor.c_str(), difference);
        QVERIFY(difference <= modelexport::kExportTolerance);
    }

    void corruptAndForeignBundlesWriteNothing() {
        QTemporaryDir dir;
        const std::filesystem::path out = dirPath(dir) / "model.pth";

        const std::filesystem::path garbage = dirPath(dir) / "garbage.tsmodel";
        {
            QFile file(QString::fromStdString(garbage.string()));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a model at all, just some bytes");
        }
        auto result = modelexport::exportModel(garbage, ExportFormat::Pth, out);
        QVERIFY(!result);
        QVERIFY2(result.message().find("not a Transfer Studio model") != std::string::npos,
                 result.message().c_str());
        QVERIFY(nothingAt(out));

        // Weights without a description: a .safetensors file of another tool.
        const std::filesystem::path foreign = dirPath(dir) / "foreign.safetensors";
        QVERIFY(weights::writeSafetensors(foreign, {{"fc.weight", torch::ones({3, 4})}}));
        result = modelexport::exportModel(foreign, ExportFormat::Safetensors, out);
        QVERIFY(!result);
        QVERIFY2(result.message().find("without a Transfer Studio description") !=
                     std::string::npos,
                 result.message().c_str());
        QVERIFY(nothingAt(out));

        // A real bundle cut short: its description reads, its weights do not.
        const auto made = test::makeBundle(dirPath(dir), "mobilenet_v3_small");
        const std::filesystem::path truncated = dirPath(dir) / "truncated.tsmodel";
        std::filesystem::copy_file(made.path, truncated);
        std::filesystem::resize_file(truncated, std::filesystem::file_size(made.path) / 2);
        result = modelexport::exportModel(truncated, ExportFormat::Pth, out);
        QVERIFY(!result);
        QVERIFY(nothingAt(out));

        // Its own bundle as the target would destroy it.
        result = modelexport::exportModel(made.path, ExportFormat::Safetensors, made.path);
        QVERIFY(!result);
        QVERIFY2(result.message().find("overwrite") != std::string::npos, result.message().c_str());
        QVERIFY(weights::readStateDict(made.path));

        result = modelexport::exportModel(made.path, ExportFormat::Pth,
                                          dirPath(dir) / "no-such-folder" / "model.pth");
        QVERIFY(!result);
        QVERIFY2(result.message().find("does not exist") != std::string::npos,
                 result.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestModelExport)
#include "tst_model_export.moc"
