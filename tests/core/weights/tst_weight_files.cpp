#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

#include "core/weights/state_dict.h"
#include "tests/test_support.h"
#include "weight_fixtures.h"

using namespace tstudio::weights;
using tstudio::test::compareDicts;
using tstudio::test::findTensor;
using tstudio::test::referenceTensors;
using tstudio::test::weightFixture;

namespace {

StateDict withoutKeys(const StateDict& dict, const std::vector<std::string>& drop) {
    StateDict out;
    for (const auto& item : dict) {
        if (std::find(drop.begin(), drop.end(), item.first) == drop.end()) {
            out.push_back(item);
        }
    }
    return out;
}

QString pythonDtype(torch::ScalarType type) {
    static const std::map<torch::ScalarType, QString> names{
        {torch::kFloat32, QStringLiteral("torch.float32")},
        {torch::kFloat64, QStringLiteral("torch.float64")},
        {torch::kFloat16, QStringLiteral("torch.float16")},
        {torch::kBFloat16, QStringLiteral("torch.bfloat16")},
        {torch::kInt64, QStringLiteral("torch.int64")},
        {torch::kInt32, QStringLiteral("torch.int32")},
        {torch::kInt16, QStringLiteral("torch.int16")},
        {torch::kInt8, QStringLiteral("torch.int8")},
        {torch::kUInt8, QStringLiteral("torch.uint8")},
        {torch::kBool, QStringLiteral("torch.bool")}};
    return names.at(type);
}

} // namespace

class TestWeightFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTorchSaveFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("zip, OrderedDict with _metadata") << QStringLiteral("dtypes_zip.pth");
        QTest::newRow("legacy non-zip") << QStringLiteral("dtypes_legacy.pth");
        QTest::newRow("zip, other top folder") << QStringLiteral("renamed_folder.pth");
        QTest::newRow("checkpoint {state_dict: ...}") << QStringLiteral("wrapped_state_dict.pth");
        QTest::newRow("legacy checkpoint {model: ...}")
            << QStringLiteral("wrapped_model_legacy.pth");
    }

    void readsTorchSaveFiles() {
        QFETCH(QString, file);
        auto dict = readStateDict(weightFixture(file.toStdString()));
        QVERIFY2(dict.ok(), dict.ok() ? "" : dict.message().c_str());
        const std::string diff = compareDicts(*dict, referenceTensors());
        QVERIFY2(diff.empty(), diff.c_str());
        // Views become owned, contiguous tensors: writing one must not change another.
        findTensor(*dict, "view").fill_(-9.0);
        QCOMPARE(findTensor(*dict, "base")[3].item<float>(), 1.5f);
        QVERIFY(findTensor(*dict, "transposed").is_contiguous());
    }

    void readsPythonSafetensors() {
        auto dict = readStateDict(weightFixture("python.safetensors"));
        QVERIFY2(dict.ok(), dict.ok() ? "" : dict.message().c_str());
        const auto expected =
            withoutKeys(referenceTensors(), {"view", "shared_2x3", "transposed", "stepped"});
        const std::string diff = compareDicts(*dict, expected);
        QVERIFY2(diff.empty(), diff.c_str());
    }

    void roundTrips_data() {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("pth") << QStringLiteral(".pth");
        QTest::newRow("safetensors") << QStringLiteral(".safetensors");
    }

    void roundTrips() {
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path path =
            dir.filePath(QStringLiteral("out") + suffix).toStdString();
        const StateDict expected = referenceTensors();
        const auto status = suffix == QStringLiteral(".pth") ? writePth(path, expected)
                                                             : writeSafetensors(path, expected);
        QVERIFY2(status.ok(), status.ok() ? "" : status.message().c_str());
        auto dict = readStateDict(path);
        QVERIFY2(dict.ok(), dict.ok() ? "" : dict.message().c_str());
        const std::string diff = compareDicts(*dict, expected);
        QVERIFY2(diff.empty(), diff.c_str());
        // Overwriting goes through a temporary file: no leftovers beside the target.
        QVERIFY((suffix == QStringLiteral(".pth") ? writePth(path, expected)
                                                  : writeSafetensors(path, expected))
                    .ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), qsizetype{1});
    }

    void writersReportUnwritablePaths() {
        const auto status = writePth("/nonexistent-dir/out.pth", referenceTensors());
        QVERIFY(!status.ok());
        QVERIFY2(status.message().find("/nonexistent-dir/out.pth") != std::string::npos,
                 status.message().c_str());
    }

    void writersRejectUnsupportedDtypes() {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.filePath(QStringLiteral("c.pth")).toStdString();
        const auto status = writePth(path, {{"z", torch::zeros({2}, torch::kComplexFloat)}});
        QVERIFY(!status.ok());
        QVERIFY2(status.message().find("'z'") != std::string::npos, status.message().c_str());
        QVERIFY(!std::filesystem::exists(path));
    }

    // Python's torch.load must read what writePth writes: a plain (Ordered)dict of tensors.
    void pythonTorchLoadReadsOurPth() {
        if (!QFile::exists(QStringLiteral("/usr/bin/python3"))) {
            QSKIP("/usr/bin/python3 is not installed: cannot check torch.load compatibility");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ours.pth"));
        QVERIFY(writePth(path.toStdString(), referenceTensors()).ok());
        const QString script =
            QStringLiteral("import json, sys\n"
                           "try:\n"
                           "    import torch\n"
                           "except ImportError:\n"
                           "    print('NO_TORCH'); sys.exit(0)\n"
                           "d = torch.load(sys.argv[1], map_location='cpu')\n"
                           "print(json.dumps({'type': type(d).__name__, 'keys': list(d),\n"
                           "  'sums': {k: float(v.double().sum()) for k, v in d.items()},\n"
                           "  'dtypes': {k: str(v.dtype) for k, v in d.items()}}))\n");
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, path});
        QVERIFY(python.waitForFinished(120000));
        const QByteArray output = python.readAllStandardOutput().trimmed();
        if (output == "NO_TORCH") {
            QSKIP("Python's torch is not installed: cannot check torch.load compatibility");
        }
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QJsonObject result = QJsonDocument::fromJson(output).object();
        QCOMPARE(result.value(QStringLiteral("type")).toString(), QStringLiteral("OrderedDict"));
        const StateDict expected = referenceTensors();
        QCOMPARE(result.value(QStringLiteral("keys")).toArray().size(),
                 static_cast<qsizetype>(expected.size()));
        const QJsonObject sums = result.value(QStringLiteral("sums")).toObject();
        const QJsonObject dtypes = result.value(QStringLiteral("dtypes")).toObject();
        const QJsonArray keys = result.value(QStringLiteral("keys")).toArray();
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const auto& [key, tensor] = expected[static_cast<std::size_t>(i)];
            const QString name = QString::fromStdString(key);
            QCOMPARE(keys.at(i).toString(), name);
            QCOMPARE(sums.value(name).toDouble(), tensor.to(torch::kFloat64).sum().item<double>());
            QCOMPARE(dtypes.value(name).toString(), pythonDtype(tensor.scalar_type()));
        }
    }

    void readsSharedMobileNetV2() {
        TSTUDIO_REQUIRE_SHARED();
        QFile json(QString::fromStdString(weightFixture("shared_mobilenet_v2.json").string()));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject want = QJsonDocument::fromJson(json.readAll()).object();
        const QString file = tstudio::test::sharedDir() + QLatin1Char('/') +
                             want.value(QStringLiteral("file")).toString();
        auto dict = readStateDict(file.toStdString());
        QVERIFY2(dict.ok(), dict.ok() ? "" : dict.message().c_str());
        QCOMPARE(static_cast<int>(dict->size()), want.value(QStringLiteral("count")).toInt());
        QCOMPARE(QString::fromStdString(dict->front().first),
                 want.value(QStringLiteral("first_key")).toString());
        QCOMPARE(QString::fromStdString(dict->back().first),
                 want.value(QStringLiteral("last_key")).toString());
        const torch::Tensor weight = findTensor(*dict, "classifier.1.weight");
        QCOMPARE(weight.sizes().vec(), (std::vector<int64_t>{1000, 1280}));
        QCOMPARE(weight.scalar_type(), torch::kFloat32);
        QCOMPARE(weight[0][0].item<float>(),
                 static_cast<float>(want.value(QStringLiteral("classifier_0_0")).toDouble()));
        QCOMPARE(weight[999][1279].item<float>(),
                 static_cast<float>(want.value(QStringLiteral("classifier_999_1279")).toDouble()));
        QVERIFY(std::abs(weight.to(torch::kFloat64).sum().item<double>() -
                         want.value(QStringLiteral("classifier_sum")).toDouble()) < 1e-9);
        double total = 0;
        for (const auto& item : *dict) {
            total += item.second.to(torch::kFloat64).abs().sum().item<double>();
        }
        QVERIFY(std::abs(total - want.value(QStringLiteral("abs_total")).toDouble()) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestWeightFiles)
#include "tst_weight_files.moc"
