// tstudio train / lr-find / evaluate / predict, run as a user would, on a tiny generated dataset
// (2 classes, 32 px, a backbone from scratch: no weights needed, seconds per run).

#include <cmath>
#include <csignal>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/cli/cli_runner.h"
#include "tests/core/data/dataset_fixtures.h"

namespace fs = std::filesystem;

namespace {

using Run = tstudio::test::CliRun;
using tstudio::test::runCli;

QList<QByteArray> lines(const QByteArray& text) {
    return text.trimmed().split('\n');
}

QJsonObject parse(const QByteArray& line) {
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
    if (error.error != QJsonParseError::NoError) {
        qWarning("not a JSON object: %s", line.constData());
    }
    return object;
}

/** The model options every run shares: small, fast, no weight file needed. */
QStringList tinyModel() {
    return {QStringLiteral("--arch"),    QStringLiteral("mobilenet_v3_small"),
            QStringLiteral("--weights"), QStringLiteral("none"),
            QStringLiteral("--size"),    QStringLiteral("32"),
            QStringLiteral("--batch"),   QStringLiteral("4")};
}

/**
 * Runs tstudio with args and presses Ctrl+C (SIGINT) once its first line, an epoch's, is out;
 * waits for it to end. exitCode is -1 when it crashed or hung; out holds all of its stdout.
 */
Run interruptAfterFirstLine(const QStringList& args) {
    QProcess process;
    process.start(QStringLiteral(TSTUDIO_CLI), args);
    Run run;
    while (!run.out.contains('\n') && process.waitForReadyRead(120'000)) {
        run.out += process.readAllStandardOutput();
    }
    if (process.state() == QProcess::Running) {
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    }
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out += process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/** Two classes, cats and dogs, with count images each in every split folder named. */
void writeFolders(const fs::path& root, const std::vector<std::pair<const char*, int>>& splits) {
    int seed = 1000;
    for (const auto& [split, count] : splits) {
        for (const char* name : {"cats", "dogs"}) {
            for (int i = 0; i < count; ++i, ++seed) {
                tstudio::test::writeBytes(root / split / name / (std::to_string(i) + ".png"),
                                          tstudio::test::pngBytes(48, 48, seed));
            }
        }
    }
}

} // namespace

class TestCliTrain : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;
    QString m_bundle;

    QString path(const char* relative) const { return m_dir.filePath(QLatin1String(relative)); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const fs::path root = fs::path(m_dir.path().toStdString()) / "data";
        int seed = 1;
        for (const char* name : {"cats", "dogs"}) {
            for (int i = 0; i < 6; ++i, ++seed) {
                tstudio::test::writeBytes(root / "train" / name / (std::to_string(i) + ".png"),
                                          tstudio::test::pngBytes(48, 48, seed));
            }
            for (int i = 0; i < 3; ++i, ++seed) {
                tstudio::test::writeBytes(root / "val" / name / (std::to_string(i) + ".png"),
                                          tstudio::test::pngBytes(48, 48, seed));
            }
        }
        m_data = QString::fromStdString(root.string());
    }

    void trainPrintsEpochLinesAndWritesTheBundle() {
        const QString out = path("run");
        const Run run =
            runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), m_data,
                               QStringLiteral("--out"), out, QStringLiteral("--epochs"),
                               QStringLiteral("2"), QStringLiteral("--json")} +
                   tinyModel());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // stdout holds only JSON (the run log goes to stderr): 2 epochs, then the summary.
        const QList<QByteArray> rows = lines(run.out);
        QCOMPARE(rows.size(), 3);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject epoch = parse(rows[i]);
            QCOMPARE(epoch[QStringLiteral("epoch")].toInt(), i + 1);
            for (const char* key :
                 {"train_loss", "train_acc", "val_loss", "val_acc", "lr", "seconds"}) {
                QVERIFY2(epoch[QLatin1String(key)].isDouble(), key);
            }
            const double accuracy = epoch[QStringLiteral("val_acc")].toDouble();
            QVERIFY(accuracy >= 0.0 && accuracy <= 1.0);
        }
        const QJsonObject summary = parse(rows[2])[QStringLiteral("summary")].toObject();
        for (const char* key : {"best_val_acc", "wall_seconds", "train_images_per_second"}) {
            QVERIFY2(summary[QLatin1String(key)].isDouble(), key);
        }
        QVERIFY(summary[QStringLiteral("train_images_per_second")].toDouble() > 0);
        m_bundle = summary[QStringLiteral("bundle")].toString();
        QCOMPARE(m_bundle, out + QStringLiteral("/model.tsmodel"));
        QVERIFY(QFile::exists(m_bundle));
        QVERIFY(QFile::exists(out + QStringLiteral("/checkpoint.pt")));
    }

    void dataWithoutValidationHoldsSomeOut() {
        // CIFAR-10's layout: train/ and test/, no val/. Validation comes out of train, so every
        // epoch has a validation accuracy (it was NaN).
        const fs::path root = fs::path(m_dir.path().toStdString()) / "train_test";
        writeFolders(root, {{"train", 6}, {"test", 2}});
        const Run run =
            runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                               QString::fromStdString(root.string()), QStringLiteral("--out"),
                               path("train_test_run"), QStringLiteral("--epochs"),
                               QStringLiteral("2"), QStringLiteral("--json")} +
                   tinyModel());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("no validation split: held out 20 %"), run.err.constData());
        const QList<QByteArray> rows = lines(run.out);
        QCOMPARE(rows.size(), 3);
        for (int i = 0; i < 2; ++i) {
            const QJsonValue accuracy = parse(rows[i])[QStringLiteral("val_acc")];
            QVERIFY2(accuracy.isDouble() && std::isfinite(accuracy.toDouble()),
                     rows[i].constData());
        }
        const QJsonObject summary = parse(rows[2])[QStringLiteral("summary")].toObject();
        QVERIFY(std::isfinite(summary[QStringLiteral("best_val_acc")].toDouble(NAN)));
    }

    void testOnlyDataSaysHowToSplitItAndTrainsOnceSplit() {
        // MNIST's t10k files alone: only a test split.
        const fs::path root = fs::path(m_dir.path().toStdString()) / "test_only";
        writeFolders(root, {{"test", 5}});
        const QString data = QString::fromStdString(root.string());
        const Run refused = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                                               data, QStringLiteral("--out"), path("test_only_run"),
                                               QStringLiteral("--epochs"), QStringLiteral("1")} +
                                   tinyModel());
        QCOMPARE(refused.exitCode, 5);
        QVERIFY2(refused.err.contains("0 train, 0 validation, 10 test"), refused.err.constData());
        QVERIFY2(refused.err.contains("tstudio data split"), refused.err.constData());

        const QString split = path("test_only.json");
        const Run splitRun =
            runCli({QStringLiteral("data"), QStringLiteral("split"), QStringLiteral("--val"),
                    QStringLiteral("0.4"), QStringLiteral("--out"), split, data});
        QVERIFY2(splitRun.exitCode == 0, splitRun.err.constData());
        QCOMPARE(splitRun.out.simplified(), QByteArray("train 6 val 4 test 0"));
        const Run trained = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                                               split, QStringLiteral("--out"),
                                               path("test_only_run"), QStringLiteral("--epochs"),
                                               QStringLiteral("1"), QStringLiteral("--json")} +
                                   tinyModel());
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const QJsonValue accuracy = parse(lines(trained.out).first())[QStringLiteral("val_acc")];
        QVERIFY(accuracy.isDouble() && std::isfinite(accuracy.toDouble()));
    }

    void evaluateMeasuresTheBundle() {
        QVERIFY(!m_bundle.isEmpty());
        const Run val = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_bundle,
                                QStringLiteral("--data"), m_data, QStringLiteral("--json")});
        QVERIFY2(val.exitCode == 0, val.err.constData());
        const QJsonObject result = parse(val.out.trimmed());
        QCOMPARE(result[QStringLiteral("split")].toString(), QStringLiteral("val"));
        QCOMPARE(result[QStringLiteral("count")].toInt(), 6);
        QCOMPARE(result[QStringLiteral("perClass")].toArray().size(), 2);
        const QJsonArray confusion = result[QStringLiteral("confusion")].toArray();
        QCOMPARE(confusion.size(), 2);
        int total = 0, correct = 0;
        for (int t = 0; t < 2; ++t) {
            for (int p = 0; p < 2; ++p) {
                const int cell = confusion[t].toArray()[p].toInt();
                total += cell;
                correct += t == p ? cell : 0;
            }
        }
        QCOMPARE(total, 6);
        QCOMPARE(result[QStringLiteral("top1")].toDouble(), correct / 6.0);

        const Run all = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_bundle,
                                QStringLiteral("--data"), m_data, QStringLiteral("--split"),
                                QStringLiteral("all")});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QVERIFY2(all.out.contains("Evaluated on 18 images"), all.out.constData());
        QVERIFY2(all.out.contains("Confusion matrix"), all.out.constData());
        QVERIFY2(all.out.contains("PRECISION"), all.out.constData());
    }

    void evaluateWritesTheReport() {
        QVERIFY(!m_bundle.isEmpty());
        const QString dir = path("report/nested");
        const Run run = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_bundle,
                                QStringLiteral("--data"), m_data, QStringLiteral("--split"),
                                QStringLiteral("all"), QStringLiteral("--report"), dir,
                                QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = parse(run.out.trimmed());
        QCOMPARE(result[QStringLiteral("count")].toInt(), 18);
        for (const char* name : {"per_class.csv", "predictions.csv", "confusion.png",
                                 "confusion_normalized.png", "summary.json"}) {
            QVERIFY2(QFile::exists(dir + QLatin1Char('/') + QLatin1String(name)), name);
        }
        const auto readLines = [&](const char* name) {
            QFile file(dir + QLatin1Char('/') + QLatin1String(name));
            return file.open(QIODevice::ReadOnly) ? lines(file.readAll()) : QList<QByteArray>{};
        };

        // One row per evaluated image, each a file of the dataset with the classes' columns.
        const QList<QByteArray> predictions = readLines("predictions.csv");
        QCOMPARE(predictions.size(), 18 + 1);
        QCOMPARE(predictions[0],
                 QByteArray("path,true,predicted,probability,loss,p(cats),p(dogs)"));
        for (qsizetype i = 1; i < predictions.size(); ++i) {
            const QList<QByteArray> fields = predictions[i].split(',');
            QCOMPARE(fields.size(), 7);
            QVERIFY2(QFile::exists(QString::fromUtf8(fields[0])), fields[0].constData());
            QVERIFY(fields[0].contains(fields[1])); // the class folder is the true class
        }

        // The per-class file says what --json says.
        const QList<QByteArray> perClass = readLines("per_class.csv");
        const QJsonArray json = result[QStringLiteral("perClass")].toArray();
        QCOMPARE(perClass.size(), json.size() + 1);
        QCOMPARE(perClass[0], QByteArray("class,precision,recall,f1,support"));
        for (qsizetype c = 0; c < json.size(); ++c) {
            const QList<QByteArray> fields = perClass[c + 1].split(',');
            const QJsonObject expected = json[c].toObject();
            QCOMPARE(fields.size(), 5);
            QCOMPARE(QString::fromUtf8(fields[0]), expected[QStringLiteral("class")].toString());
            QCOMPARE(fields[1].toDouble(), expected[QStringLiteral("precision")].toDouble());
            QCOMPARE(fields[2].toDouble(), expected[QStringLiteral("recall")].toDouble());
            QCOMPARE(fields[3].toDouble(), expected[QStringLiteral("f1")].toDouble());
            QCOMPARE(fields[4].toInt(), expected[QStringLiteral("support")].toInt());
        }
        const QJsonObject summary =
            QJsonDocument::fromJson(readLines("summary.json").join('\n')).object();
        QCOMPARE(summary[QStringLiteral("perClass")].toArray(), json);
    }

    void predictWritesTheCsv() {
        QVERIFY(!m_bundle.isEmpty());
        const QString junk = path("junk.png");
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a picture");
        file.close();
        const QString csvPath = path("predictions.csv");
        const Run run = runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_bundle,
                                QStringLiteral("--csv"), csvPath, QStringLiteral("--json"),
                                QStringLiteral("--topk"), QStringLiteral("1"),
                                m_data + QStringLiteral("/val"), junk});
        // 1: the junk file is named on stderr, the six photos are classified.
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("junk.png"), run.err.constData());
        const QList<QByteArray> predictions = lines(run.out);
        QCOMPARE(predictions.size(), 6);

        QFile csvFile(csvPath);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = lines(csvFile.readAll());
        QCOMPARE(rows.size(), 7);
        QCOMPARE(rows[0], QByteArray("path,predicted,cats,dogs"));
        for (int i = 1; i < rows.size(); ++i) {
            const QList<QByteArray> cells = rows[i].split(',');
            QCOMPARE(cells.size(), 4);
            const double cats = cells[2].toDouble(), dogs = cells[3].toDouble();
            QVERIFY(std::abs(cats + dogs - 1.0) < 1e-4);
            QCOMPARE(cells[1], QByteArray(cats >= dogs ? "cats" : "dogs"));
            const QJsonObject json = parse(predictions[i - 1]);
            QCOMPARE(json[QStringLiteral("path")].toString().toUtf8(), cells[0]);
            QCOMPARE(json[QStringLiteral("predicted")].toString().toUtf8(), cells[1]);
            QCOMPARE(json[QStringLiteral("top")].toArray().size(), 1);
        }
    }

    void lrFindSuggestsARate() {
        const Run run = runCli(QStringList{QStringLiteral("lr-find"), QStringLiteral("--data"),
                                           m_data, QStringLiteral("--steps"), QStringLiteral("6"),
                                           QStringLiteral("--mode"), QStringLiteral("finetune"),
                                           QStringLiteral("--json")} +
                               tinyModel());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = parse(run.out.trimmed());
        const QJsonArray rates = result[QStringLiteral("learning_rates")].toArray();
        QVERIFY(!rates.isEmpty() && rates.size() <= 6);
        QCOMPARE(result[QStringLiteral("losses")].toArray().size(), rates.size());
        for (int i = 1; i < rates.size(); ++i) {
            QVERIFY(rates[i].toDouble() > rates[i - 1].toDouble());
        }
        QVERIFY(result[QStringLiteral("suggested_lr")].toDouble() > 0);
    }

    void ctrlCStopsCleanlyAndStillWritesTheBundle() {
        const QString out = path("interrupted");
        // After the first epoch line: a bundle with one epoch is due.
        const Run run = interruptAfterFirstLine(
            QStringList{QStringLiteral("train"), QStringLiteral("--data"), m_data,
                        QStringLiteral("--out"), out, QStringLiteral("--epochs"),
                        QStringLiteral("10000"), QStringLiteral("--json")} +
            tinyModel());
        QVERIFY2(lines(run.out).first().contains("\"epoch\":1"), run.out.constData());
        QCOMPARE(run.exitCode, 130);
        const QList<QByteArray> rows = lines(run.out);
        const QJsonObject summary = parse(rows.last())[QStringLiteral("summary")].toObject();
        QCOMPARE(summary[QStringLiteral("stopped_early")].toBool(), true);
        QVERIFY(summary[QStringLiteral("epochs_run")].toInt() < 10000);
        QVERIFY(QFile::exists(out + QStringLiteral("/model.tsmodel")));
    }

    void labelSmoothingAndLrMultipliersReachTheRun() {
        const auto fineTuneInto = [this](const char* folder) {
            return QStringList{QStringLiteral("train"),
                               QStringLiteral("--data"),
                               m_data,
                               QStringLiteral("--out"),
                               path(folder),
                               QStringLiteral("--epochs"),
                               QStringLiteral("1"),
                               QStringLiteral("--mode"),
                               QStringLiteral("finetune")} +
                   tinyModel();
        };
        const Run run =
            runCli(fineTuneInto("recipe") +
                   QStringList{QStringLiteral("--label-smoothing"), QStringLiteral("0.2"),
                               QStringLiteral("--lr-mult"), QStringLiteral("all=0.25,head=2")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("LR multipliers all=0.25,head=2, label smoothing 0.2."),
                 run.err.constData());
        // Left out, the mode's recipe applies.
        const Run defaults = runCli(fineTuneInto("recipe-default"));
        QVERIFY2(defaults.exitCode == 0, defaults.err.constData());
        QVERIFY2(defaults.err.contains("LR multipliers all=0.1,head=1, label smoothing 0.1."),
                 defaults.err.constData());
    }

    void resumeContinuesWhereTheStoppedRunEnded() {
        // The engine resumes a run with the settings it was started with (the epoch count is one
        // of them), so the first run is stopped with Ctrl+C rather than started shorter. Six
        // epochs leave the signal, sent after epoch 1, ample time to land before the end.
        const QStringList args =
            QStringList{
                QStringLiteral("train"),    QStringLiteral("--data"), m_data,
                QStringLiteral("--epochs"), QStringLiteral("6"),      QStringLiteral("--json")} +
            tinyModel();
        const QString whole = path("resume-whole");
        const Run reference = runCli(args + QStringList{QStringLiteral("--out"), whole});
        QVERIFY2(reference.exitCode == 0, reference.err.constData());
        QList<QJsonObject> expected;
        for (const QByteArray& row : lines(reference.out)) {
            const QJsonObject json = parse(row);
            if (json.contains(QStringLiteral("epoch"))) {
                expected.append(json);
            }
        }
        QCOMPARE(expected.size(), 6);

        const QString parts = path("resume-parts");
        const Run stopped =
            interruptAfterFirstLine(args + QStringList{QStringLiteral("--out"), parts});
        QVERIFY2(lines(stopped.out).first().contains("\"epoch\":1"), stopped.out.constData());
        QCOMPARE(stopped.exitCode, 130);
        const QList<QByteArray> stoppedRows = lines(stopped.out);
        const int done = parse(stoppedRows.last())[QStringLiteral("summary")]
                             .toObject()[QStringLiteral("epochs_run")]
                             .toInt();
        QVERIFY2(done >= 1 && done < 6, qPrintable(QString::number(done)));

        const Run resumed =
            runCli(args + QStringList{QStringLiteral("--out"), parts, QStringLiteral("--resume")});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QVERIFY2(resumed.err.contains("Resuming from"), resumed.err.constData());
        const QList<QByteArray> rows = lines(resumed.out);
        // The epochs after the checkpoint, one line each, then the summary of the whole run.
        QCOMPARE(rows.size(), 6 - done + 1);
        for (int i = 0; i < 6 - done; ++i) {
            const QJsonObject epoch = parse(rows[i]);
            const int number = done + 1 + i;
            QCOMPARE(epoch[QStringLiteral("epoch")].toInt(), number);
            const QJsonObject& same = expected[number - 1];
            for (const char* key : {"train_loss", "train_acc", "val_loss", "val_acc", "lr"}) {
                const double a = epoch[QLatin1String(key)].toDouble();
                const double b = same[QLatin1String(key)].toDouble();
                QVERIFY2(std::abs(a - b) <= 1e-6,
                         qPrintable(QStringLiteral("epoch %1 %2: %3 resumed, %4 uninterrupted")
                                        .arg(number)
                                        .arg(QLatin1String(key))
                                        .arg(a, 0, 'g', 10)
                                        .arg(b, 0, 'g', 10)));
            }
        }
        const QJsonObject summary = parse(rows.last())[QStringLiteral("summary")].toObject();
        QCOMPARE(summary[QStringLiteral("epochs_run")].toInt(), 6);
        QCOMPARE(summary[QStringLiteral("stopped_early")].toBool(), false);
    }

    void resumeWithoutCheckpointFails() {
        const QString empty = path("nothing-to-resume");
        QVERIFY(QDir().mkpath(empty));
        const Run run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"),
                                           m_data, QStringLiteral("--out"), empty,
                                           QStringLiteral("--epochs"), QStringLiteral("2"),
                                           QStringLiteral("--resume"), QStringLiteral("--json")} +
                               tinyModel());
        QCOMPARE(run.exitCode, 5);
        const QByteArray message = QByteArray("Nothing to resume in ") + empty.toUtf8();
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(empty + QStringLiteral("/model.tsmodel")));
    }

    void badArguments_data() {
        tstudio::test::addExitCodeAndOutputColumns();
        const QString out = QDir::tempPath() + QStringLiteral("/tstudio-never-written");
        // `tstudio train --arch resnet18 OPTION VALUE`: one option wrong, the rest left out.
        const auto trainWith = [](const char* option, const char* value) {
            return QStringList{QStringLiteral("train"), QStringLiteral("--arch"),
                               QStringLiteral("resnet18"), QString::fromLatin1(option),
                               QString::fromLatin1(value)};
        };
        QTest::newRow("train without data")
            << QStringList{QStringLiteral("train"), QStringLiteral("--arch"),
                           QStringLiteral("resnet18"), QStringLiteral("--out"), out}
            << 2 << "--data is required";
        QTest::newRow("train without out")
            << trainWith("--data", ".") << 2 << "--out DIR is required";
        QTest::newRow("unknown mode")
            << trainWith("--mode", "magic") << 2 << "--mode is feature, finetune or two-stage";
        QTest::newRow("unknown augment") << trainWith("--augment", "heavy") << 2
                                         << "--augment is none, light, standard or strong";
        QTest::newRow("bad label smoothing") << trainWith("--label-smoothing", "0.9") << 2
                                             << "--label-smoothing needs a number from 0 to 0.5";
        QTest::newRow("bad lr-mult")
            << trainWith("--lr-mult", "layer4") << 2 << "--lr-mult: \"layer4\" is not PATH=FACTOR";
        QTest::newRow("bad lr") << trainWith("--lr", "fast") << 2 << "--lr needs a positive number";
        QTest::newRow("missing data folder") << QStringList{QStringLiteral("train"),
                                                            QStringLiteral("--arch"),
                                                            QStringLiteral("resnet18"),
                                                            QStringLiteral("--out"),
                                                            out,
                                                            QStringLiteral("--data"),
                                                            QStringLiteral("/nonexistent/tstudio")}
                                             << 2 << "no such file or folder";
        QTest::newRow("predict without model")
            << QStringList{QStringLiteral("predict"), QStringLiteral("x.jpg")} << 2
            << "give --model BUNDLE";
        QTest::newRow("evaluate bad split")
            << QStringList{QStringLiteral("evaluate"),  QStringLiteral("--model"),
                           QStringLiteral("m.tsmodel"), QStringLiteral("--data"),
                           QStringLiteral("."),         QStringLiteral("--split"),
                           QStringLiteral("dev")}
            << 2 << "--split is val, test or all";
        QTest::newRow("train help")
            << QStringList{QStringLiteral("train"), QStringLiteral("--help")} << 0
            << "--freeze SPEC";
        QTest::newRow("lr-find help")
            << QStringList{QStringLiteral("lr-find"), QStringLiteral("--help")} << 0 << "--steps N";
    }
    void badArguments() { tstudio::test::checkExitCodeAndOutput(); }

    void modelProblemsExitWith3() {
        const Run arch = runCli({QStringLiteral("train"), QStringLiteral("--data"), m_data,
                                 QStringLiteral("--out"), path("x"), QStringLiteral("--arch"),
                                 QStringLiteral("resnet9000")});
        QCOMPARE(arch.exitCode, 3);
        QVERIFY2(arch.err.contains("unknown backbone \"resnet9000\""), arch.err.constData());
        const Run weights =
            runCli({QStringLiteral("train"), QStringLiteral("--data"), m_data,
                    QStringLiteral("--out"), path("x"), QStringLiteral("--arch"),
                    QStringLiteral("resnet18"), QStringLiteral("--weights"), path("missing.pth")});
        QCOMPARE(weights.exitCode, 3);
        QVERIFY2(weights.err.contains("missing.pth: no such weight file"), weights.err.constData());
        const QString notABundle = path("notes.tsmodel");
        QFile file(notABundle);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello");
        file.close();
        const Run bundle =
            runCli({QStringLiteral("predict"), QStringLiteral("--model"), notABundle, m_data});
        QCOMPARE(bundle.exitCode, 3);
        QVERIFY2(bundle.err.contains("notes.tsmodel"), bundle.err.constData());
    }

    void unwritableOutputExitsWith4() {
        const Run run =
            runCli(QStringList{QStringLiteral("train"), QStringLiteral("--data"), m_data,
                               QStringLiteral("--out"), QStringLiteral("/dev/null/run")} +
                   tinyModel());
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("/dev/null/run"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
