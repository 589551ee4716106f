#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "tests/app/cli/cli_runner.h"
#include "tests/test_support.h"

namespace {

using Run = tstudio::test::CliRun;
using tstudio::test::runCli;

QString shared(const char* relative) {
    return tstudio::test::sharedDir() + QLatin1Char('/') + QLatin1String(relative);
}

QString weights() {
    return shared("weights/mobilenet_v2_imagenet_dequantized.pth");
}

QString firstPhoto(const char* folder) {
    const QDir dir(shared("datasets/hymenoptera/val/") + QLatin1String(folder));
    return dir.filePath(dir.entryList(QDir::Files, QDir::Name).constFirst());
}

QList<QByteArray> lines(const QByteArray& text) {
    return text.trimmed().split('\n');
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelsJson() {
        const Run run = runCli({QStringLiteral("models"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        bool sawMobileNet = false;
        QList<QByteArray> models = lines(run.out);
        // The last line names the BLAS LibTorch calls (a process linked with it always has one).
        const QJsonObject last = QJsonDocument::fromJson(models.takeLast()).object();
        const QJsonObject blas = last.value(QLatin1String("blas")).toObject();
        QVERIFY2(!blas.value(QLatin1String("name")).toString().isEmpty(), run.out.constData());
        QVERIFY2(QFileInfo(blas.value(QLatin1String("library")).toString()).isFile(),
                 run.out.constData());
        QVERIFY(blas.value(QLatin1String("reference")).isBool());
        for (const QByteArray& line : models) {
            QJsonParseError error;
            const QJsonObject model = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QVERIFY2(!model.contains(QLatin1String("blas")), line.constData());
            QVERIFY(!model.value(QLatin1String("blocks")).toArray().isEmpty());
            if (model.value(QLatin1String("name")).toString() == QLatin1String("mobilenet_v2")) {
                sawMobileNet = true;
                QCOMPARE(model.value(QLatin1String("inputSize")).toInt(), 224);
                QCOMPARE(model.value(QLatin1String("featureWidth")).toInt(), 1280);
                QCOMPARE(model.value(QLatin1String("weights"))
                             .toObject()
                             .value(QLatin1String("file"))
                             .toString(),
                         QStringLiteral("mobilenet_v2-b0353104.pth"));
                QCOMPARE(model.value(QLatin1String("mean")).toArray().first().toDouble(), 0.485);
            }
        }
        QVERIFY(sawMobileNet);
    }

    void modelsTableNamesTheBlas() {
        const Run run = runCli({QStringLiteral("models")});
        QCOMPARE(run.exitCode, 0);
        const QByteArray blasLine = lines(run.out).constLast();
        QVERIFY2(blasLine.startsWith("BLAS: ") && blasLine.size() > 6, run.out.constData());
        // The reference BLAS is named on stdout and warned about on stderr, with the cure.
        const bool reference = blasLine.contains("reference");
        QCOMPARE(run.err.contains("libopenblas0-openmp"), reference);
    }

    void modelsWarnAboutTheReferenceBlas() {
        // Debian's netlib BLAS, found first through LD_LIBRARY_PATH: LibTorch then binds to it
        // as it does when the alternatives select it, without changing the system.
        const QStringList found =
            QDir(QStringLiteral("/usr/lib")).entryList({QStringLiteral("*-linux-gnu")}, QDir::Dirs);
        QString folder;
        for (const QString& triplet : found) {
            const QString candidate =
                QStringLiteral("/usr/lib/") + triplet + QStringLiteral("/blas");
            if (QFileInfo::exists(candidate + QStringLiteral("/libblas.so.3"))) {
                folder = candidate;
            }
        }
        if (folder.isEmpty()) {
            QSKIP("no reference BLAS in /usr/lib/<triplet>/blas (package libblas3)");
        }
        const QStringList env{QStringLiteral("LD_LIBRARY_PATH=") + folder};
        const Run table = runCli({QStringLiteral("models")}, env);
        QCOMPARE(table.exitCode, 0);
        const QByteArray expected = QByteArray("BLAS: reference BLAS (netlib), ") + folder.toUtf8();
        QVERIFY2(lines(table.out).constLast().startsWith(expected), table.out.constData());
        QVERIFY2(table.err.contains("sudo apt install libopenblas0-openmp"), table.err.constData());
        const Run json = runCli({QStringLiteral("models"), QStringLiteral("--json")}, env);
        QCOMPARE(json.exitCode, 0);
        const QJsonObject blas = QJsonDocument::fromJson(lines(json.out).constLast())
                                     .object()
                                     .value(QLatin1String("blas"))
                                     .toObject();
        QCOMPARE(blas.value(QLatin1String("reference")).toBool(), true);
        QVERIFY2(blas.value(QLatin1String("library")).toString().startsWith(folder),
                 json.out.constData());
    }

    void helpAndUsageErrors_data() {
        tstudio::test::addExitCodeAndOutputColumns();
        QTest::newRow("top help") << QStringList{QStringLiteral("--help")} << 0 << "features";
        QTest::newRow("top help names the export formats")
            << QStringList{QStringLiteral("--help")} << 0
            << "pth, safetensors, TorchScript or ONNX";
        QTest::newRow("classify help")
            << QStringList{QStringLiteral("classify"), QStringLiteral("--help")} << 0
            << "Exit status";
        QTest::newRow("features help")
            << QStringList{QStringLiteral("features"), QStringLiteral("-h")} << 0
            << "--pool avg|max|none";
        QTest::newRow("models help")
            << QStringList{QStringLiteral("models"), QStringLiteral("--help")} << 0 << "--json";
        QTest::newRow("no command") << QStringList{} << 2 << "Usage";
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("train-everything")} << 2 << "unknown command";
        QTest::newRow("no arch") << QStringList{QStringLiteral("classify"), QStringLiteral("x.jpg")}
                                 << 2 << "--arch is required";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("classify"), QStringLiteral("--colour"),
                           QStringLiteral("x.jpg")}
            << 2 << "unknown option --colour";
        QTest::newRow("features without out")
            << QStringList{QStringLiteral("features"), QStringLiteral("--arch"),
                           QStringLiteral("mobilenet_v2"), QStringLiteral("x.jpg")}
            << 2 << "--out FILE.npy is required";
    }
    void helpAndUsageErrors() { tstudio::test::checkExitCodeAndOutput(); }

    void missingWeightsSayWhereToPutThem() {
        QTemporaryDir torchHome;
        const Run run = runCli({QStringLiteral("classify"), QStringLiteral("--arch"),
                                QStringLiteral("mobilenet_v2"), QStringLiteral("x.jpg")},
                               {QStringLiteral("TORCH_HOME=") + torchHome.path()});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("mobilenet_v2-b0353104.pth"), run.err.constData());
        QVERIFY2(run.err.contains(QByteArray(torchHome.path().toUtf8() + "/hub/checkpoints")),
                 run.err.constData());
    }

    void weightsInspectChecksAgainstABackbone() {
        TSTUDIO_REQUIRE_SHARED();
        const Run fits =
            runCli({QStringLiteral("weights"), QStringLiteral("inspect"), QStringLiteral("--arch"),
                    QStringLiteral("mobilenet_v2"), QStringLiteral("--json"), weights()});
        QCOMPARE(fits.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(fits.out).object();
        QCOMPARE(report[QStringLiteral("tensors")].toInt(), 314);
        QCOMPARE(report[QStringLiteral("fits")].toBool(), true);
        QCOMPARE(report[QStringLiteral("dtypes")].toObject()[QStringLiteral("float32")].toInt(),
                 262);

        const Run wrong =
            runCli({QStringLiteral("weights"), QStringLiteral("inspect"), QStringLiteral("--arch"),
                    QStringLiteral("resnet18"), QStringLiteral("--json"), weights()});
        QCOMPARE(wrong.exitCode, 3);
        const QJsonObject mismatch = QJsonDocument::fromJson(wrong.out).object();
        QCOMPARE(mismatch[QStringLiteral("backbone_fits")].toBool(), false);
        QCOMPARE(mismatch[QStringLiteral("matched")].toInt(), 0);
    }

    void weightsInspectRejectsJunk() {
        QTemporaryDir dir;
        const QString junk = dir.filePath(QStringLiteral("junk.pth"));
        QVERIFY(tstudio::test::writeFile(junk, QByteArray("PK\x03\x04 not really a zip")));
        const Run run = runCli({QStringLiteral("weights"), QStringLiteral("inspect"), junk});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("junk.pth"), run.err.constData());
    }

    void weightsDownloadKeepsNothingOnChecksumMismatch() {
        QTemporaryDir torchHome, mirror;
        const QString source = mirror.filePath(QStringLiteral("w.pth"));
        QVERIFY(tstudio::test::writeFile(source, "not the official file"));
        const Run run = runCli({QStringLiteral("weights"), QStringLiteral("download"),
                                QStringLiteral("--arch"), QStringLiteral("resnet18"),
                                QStringLiteral("--url"), QUrl::fromLocalFile(source).toString()},
                               {QStringLiteral("TORCH_HOME=") + torchHome.path()});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("checksum"), run.err.constData());
        QCOMPARE(QDir(torchHome.filePath(QStringLiteral("hub/checkpoints")))
                     .entryList(QDir::Files | QDir::Hidden)
                     .size(),
                 0);
    }

    void classifyJson() {
        TSTUDIO_REQUIRE_SHARED();
        const Run run = runCli({QStringLiteral("classify"), QStringLiteral("--arch"),
                                QStringLiteral("mobilenet_v2"), QStringLiteral("--weights"),
                                weights(), QStringLiteral("--json"), QStringLiteral("--topk"),
                                QStringLiteral("3"), firstPhoto("ants"), firstPhoto("bees")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> results = lines(run.out);
        QCOMPARE(results.size(), 2);
        const QJsonObject ant = QJsonDocument::fromJson(results[0]).object();
        QCOMPARE(ant.value(QLatin1String("path")).toString(), firstPhoto("ants"));
        const QJsonArray top = ant.value(QLatin1String("top")).toArray();
        QCOMPARE(top.size(), 3);
        QCOMPARE(top[0].toObject().value(QLatin1String("index")).toInt(), 310);
        QCOMPARE(top[0].toObject().value(QLatin1String("label")).toString(), QStringLiteral("ant"));
        const double p0 = top[0].toObject().value(QLatin1String("prob")).toDouble();
        const double p1 = top[1].toObject().value(QLatin1String("prob")).toDouble();
        QVERIFY(p0 >= p1 && p0 > 0.0 && p0 <= 1.0);
        QCOMPARE(
            QJsonDocument::fromJson(results[1]).object().value(QLatin1String("path")).toString(),
            firstPhoto("bees"));
    }

    void badImagesAreReportedOthersStillClassified() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.jpg"));
        const QString text = dir.filePath(QStringLiteral("notes.jpg"));
        QFile(empty).open(QIODevice::WriteOnly);
        QVERIFY(tstudio::test::writeFile(text, "shopping list\n"));
        const Run run = runCli({QStringLiteral("classify"), QStringLiteral("--arch"),
                                QStringLiteral("mobilenet_v2"), QStringLiteral("--weights"),
                                weights(), QStringLiteral("--json"), empty, firstPhoto("ants"),
                                text, dir.filePath(QStringLiteral("missing.png"))});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(lines(run.out).size(), 1);
        // The one line is JSON whose top class is the ant.
        const QJsonObject result = QJsonDocument::fromJson(lines(run.out).first()).object();
        const QJsonArray top = result.value(QStringLiteral("top")).toArray();
        QVERIFY2(!top.isEmpty(), run.out.constData());
        QCOMPARE(top.first().toObject().value(QStringLiteral("label")).toString(),
                 QStringLiteral("ant"));
        QVERIFY2(run.err.contains(QByteArray(empty.toUtf8() + ": the file is empty")),
                 run.err.constData());
        QVERIFY2(run.err.contains(QByteArray(text.toUtf8() + ": not an image")),
                 run.err.constData());
        QVERIFY2(run.err.contains("missing.png: no such file"), run.err.constData());
    }

    void featuresWriteNpyAndCsv() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("features.npy"));
        const Run run =
            runCli({QStringLiteral("features"), QStringLiteral("--arch"),
                    QStringLiteral("mobilenet_v2"), QStringLiteral("--weights"), weights(),
                    QStringLiteral("--layer"), QStringLiteral("pool"), QStringLiteral("--batch"),
                    QStringLiteral("2"), QStringLiteral("--out"), out, firstPhoto("ants"),
                    firstPhoto("bees"), firstPhoto("ants")});
        QVERIFY2(run.exitCode == 0, run.err.constData());

        QFile npy(out);
        QVERIFY(npy.open(QIODevice::ReadOnly));
        const QByteArray bytes = npy.readAll();
        QVERIFY(bytes.startsWith(QByteArray("\x93NUMPY\x01\x00", 8)));
        const int headerLength =
            static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
        const QByteArray header = bytes.mid(10, headerLength);
        QVERIFY2(header.contains("'descr': '<f4'"), header.constData());
        QVERIFY2(header.contains("'shape': (3, 1280)"), header.constData());
        QCOMPARE(bytes.size(), 10 + headerLength + 3 * 1280 * 4);

        QFile csv(dir.filePath(QStringLiteral("features.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = lines(csv.readAll());
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0], QByteArray("index,path,class"));
        QCOMPARE(rows[1], QByteArray("0," + firstPhoto("ants").toUtf8() + ",ants"));
        QCOMPARE(rows[2], QByteArray("1," + firstPhoto("bees").toUtf8() + ",bees"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
