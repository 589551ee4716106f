// tstudio data inspect / data split, run as a user would: the built binary on generated folders
// (good, then with a few damaged files) and on the shared real datasets.

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/cli/cli_runner.h"
#include "tests/core/data/dataset_fixtures.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;

namespace {

using Run = tstudio::test::CliRun;
using tstudio::test::runCli;

/** Runs `tstudio data inspect --json extra... path` and parses its one JSON object. */
QJsonObject inspectJson(const QString& path, Run& run, const QStringList& extra = {}) {
    run = runCli(
        QStringList{QStringLiteral("data"), QStringLiteral("inspect"), QStringLiteral("--json")} +
        extra + QStringList{path});
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(run.out, &error).object();
    if (error.error != QJsonParseError::NoError) {
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), run.out.constData());
    }
    return report;
}

/** class name -> split name -> count, from the report's "classes". */
std::map<QString, std::map<QString, int>> countsOf(const QJsonObject& report) {
    std::map<QString, std::map<QString, int>> counts;
    for (const QJsonValue& value : report[QStringLiteral("classes")].toArray()) {
        const QJsonObject c = value.toObject();
        const QJsonObject perSplit = c[QStringLiteral("perSplit")].toObject();
        auto& row = counts[c[QStringLiteral("name")].toString()];
        for (auto it = perSplit.begin(); it != perSplit.end(); ++it) {
            row[it.key()] = it.value().toInt();
        }
    }
    return counts;
}

/** Every file named by an unusable ("error") problem. */
std::set<QString> unusableItems(const QJsonObject& report) {
    std::set<QString> items;
    for (const QJsonValue& value : report[QStringLiteral("problems")].toArray()) {
        const QJsonObject problem = value.toObject();
        if (problem[QStringLiteral("severity")].toString() != QLatin1String("error")) {
            continue;
        }
        for (const QJsonValue& item : problem[QStringLiteral("items")].toArray()) {
            items.insert(item.toString());
        }
    }
    return items;
}

/** train/{cats: 6, dogs: 4, owls: 5}, val/{cats: 2, dogs: 3, owls: 2}: 22 distinct images. */
void writeSplitFolders(const fs::path& root) {
    const std::map<std::string, std::pair<int, int>> counts{
        {"cats", {6, 2}}, {"dogs", {4, 3}}, {"owls", {5, 2}}};
    int seed = 1;
    for (const auto& [name, split] : counts) {
        for (int i = 0; i < split.first; ++i, ++seed) {
            tstudio::test::writeBytes(root / "train" / name / (std::to_string(i) + ".jpg"),
                                      tstudio::test::jpegBytes(40 + i, 36, seed));
        }
        for (int i = 0; i < split.second; ++i, ++seed) {
            tstudio::test::writeBytes(root / "val" / name / (std::to_string(i) + ".png"),
                                      tstudio::test::pngBytes(32, 30 + i, seed));
        }
    }
}

QString qpath(const fs::path& path) {
    return QString::fromStdString(path.string());
}

} // namespace

class TestCliData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inspectCountsEveryClassAndSplit() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeSplitFolders(root);
        Run run;
        const QJsonObject report = inspectJson(qpath(root), run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(report[QStringLiteral("images")].toInt(), 22);
        const auto counts = countsOf(report);
        const std::map<QString, std::map<QString, int>> expected{
            {QStringLiteral("cats"), {{QStringLiteral("train"), 6}, {QStringLiteral("val"), 2}}},
            {QStringLiteral("dogs"), {{QStringLiteral("train"), 4}, {QStringLiteral("val"), 3}}},
            {QStringLiteral("owls"), {{QStringLiteral("train"), 5}, {QStringLiteral("val"), 2}}}};
        QVERIFY(counts == expected);
        const QJsonObject perSplit = report[QStringLiteral("perSplit")].toObject();
        QCOMPARE(perSplit[QStringLiteral("train")].toInt(), 15);
        QCOMPARE(perSplit[QStringLiteral("val")].toInt(), 7);
        QCOMPARE(report[QStringLiteral("formats")].toObject()[QStringLiteral("JPEG")].toInt(), 15);
        QCOMPARE(report[QStringLiteral("unusable")].toInt(), 0);
        QVERIFY(unusableItems(report).empty());

        // The text report carries the same counts; at a 30 px input size nothing is too small.
        const Run text =
            runCli({QStringLiteral("data"), QStringLiteral("inspect"),
                    QStringLiteral("--input-size"), QStringLiteral("30"), qpath(root)});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("22 images, 3 classes"), text.out.constData());
        QVERIFY2(text.out.simplified().contains("cats 6 2 0 0 8"), text.out.constData());
        QVERIFY2(text.out.contains("Problems: 0"), text.out.constData());
    }

    void inspectListsExactlyTheDamagedFiles() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        writeSplitFolders(root);
        std::vector<std::uint8_t> cut = tstudio::test::jpegBytes(64, 64, 99);
        cut.resize(cut.size() / 2);
        tstudio::test::writeBytes(root / "train/cats/cut.jpg", cut);
        tstudio::test::writeText(root / "train/dogs/empty.jpg", "");
        tstudio::test::writeText(root / "val/owls/notes.jpg", "a text file, not a picture\n");

        Run run;
        const QJsonObject report = inspectJson(qpath(root), run);
        // 1: some files are unusable, the rest was inspected; a clean exit, not a crash.
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(report[QStringLiteral("unusable")].toInt(), 3);
        const std::set<QString> expected{qpath(root / "train/cats/cut.jpg"),
                                         qpath(root / "train/dogs/empty.jpg"),
                                         qpath(root / "val/owls/notes.jpg")};
        QVERIFY(unusableItems(report) == expected);
        std::set<QString> kinds;
        for (const QJsonValue& value : report[QStringLiteral("problems")].toArray()) {
            kinds.insert(value.toObject()[QStringLiteral("kind")].toString());
        }
        for (const char* kind : {"truncated", "zero-byte", "not-an-image"}) {
            QVERIFY2(kinds.count(QLatin1String(kind)) == 1, kind);
        }

        const Run text = runCli({QStringLiteral("data"), QStringLiteral("inspect"), qpath(root)});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("(3 unusable files)"), text.out.constData());
        for (const QString& file : expected) {
            QVERIFY2(text.out.contains(file.toUtf8()), qPrintable(file));
        }
    }

    void inspectMissingFolderFailsClearly() {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("no-such-folder"));
        const Run run = runCli({QStringLiteral("data"), QStringLiteral("inspect"), missing});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("tstudio data inspect: "), run.err.constData());
        QVERIFY2(run.err.contains(missing.toUtf8()), run.err.constData());

        const Run noPath = runCli({QStringLiteral("data"), QStringLiteral("inspect")});
        QCOMPARE(noPath.exitCode, 2);
        QVERIFY2(noPath.err.contains("exactly one PATH"), noPath.err.constData());
        const Run unknown = runCli({QStringLiteral("data"), QStringLiteral("shuffle")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("unknown subcommand"), unknown.err.constData());
    }

    void splitIsStratifiedAndSaved() {
        QTemporaryDir dir;
        const fs::path root = fs::path(dir.path().toStdString()) / "flat";
        int seed = 1;
        for (const char* name : {"red", "blue"}) {
            for (int i = 0; i < 10; ++i, ++seed) {
                tstudio::test::writeBytes(root / name / (std::to_string(i) + ".png"),
                                          tstudio::test::pngBytes(20, 20, seed));
            }
        }
        const QString out = dir.filePath(QStringLiteral("split.json"));
        const Run run =
            runCli({QStringLiteral("data"), QStringLiteral("split"), QStringLiteral("--val"),
                    QStringLiteral("0.2"), QStringLiteral("--test"), QStringLiteral("0.1"),
                    QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--out"), out,
                    qpath(root)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.simplified(), QByteArray("train 14 val 4 test 2"));

        // The saved dataset is itself a dataset that inspect reads, with the same split.
        Run inspected;
        const QJsonObject report = inspectJson(out, inspected);
        QVERIFY2(inspected.exitCode == 0, inspected.err.constData());
        const auto counts = countsOf(report);
        for (const QString& name : {QStringLiteral("red"), QStringLiteral("blue")}) {
            const auto& row = counts.at(name);
            QCOMPARE(row.at(QStringLiteral("train")), 7);
            QCOMPARE(row.at(QStringLiteral("val")), 2);
            QCOMPARE(row.at(QStringLiteral("test")), 1);
        }

        const Run again =
            runCli({QStringLiteral("data"), QStringLiteral("split"), QStringLiteral("--val"),
                    QStringLiteral("0.2"), QStringLiteral("--test"), QStringLiteral("0.1"),
                    QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--out"),
                    dir.filePath(QStringLiteral("b.json")), qpath(root)});
        QCOMPARE(again.exitCode, 0);
        QFile a(out), b(dir.filePath(QStringLiteral("b.json")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());

        const Run bad =
            runCli({QStringLiteral("data"), QStringLiteral("split"), QStringLiteral("--val"),
                    QStringLiteral("0.7"), QStringLiteral("--test"), QStringLiteral("0.4"),
                    QStringLiteral("--out"), out, qpath(root)});
        QCOMPARE(bad.exitCode, 2);
    }

    void hymenoptera() {
        TSTUDIO_REQUIRE_SHARED();
        const QString root = tstudio::test::sharedDir() + QStringLiteral("/datasets/hymenoptera");
        Run run;
        const QJsonObject report = inspectJson(root, run);
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
        QCOMPARE(report[QStringLiteral("images")].toInt(), 398);
        const auto counts = countsOf(report);
        QCOMPARE(counts.at(QStringLiteral("ants")).at(QStringLiteral("train")), 124);
        QCOMPARE(counts.at(QStringLiteral("bees")).at(QStringLiteral("train")), 121);
        QCOMPARE(counts.at(QStringLiteral("ants")).at(QStringLiteral("val")), 70);
        QCOMPARE(counts.at(QStringLiteral("bees")).at(QStringLiteral("val")), 83);
        // The GIF placeholder among the JPEGs is read (through Qt), not a crash nor a failure.
        QCOMPARE(report[QStringLiteral("formats")].toObject()[QStringLiteral("GIF")].toInt(), 1);
        QCOMPARE(report[QStringLiteral("formats")].toObject()[QStringLiteral("JPEG")].toInt(), 397);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(unusableItems(report).empty());
    }

    void cifar10() {
        TSTUDIO_REQUIRE_SHARED();
        Run run;
        const QJsonObject report = inspectJson(
            tstudio::test::sharedDir() + QStringLiteral("/datasets/cifar10"), run,
            {QStringLiteral("--quick"), QStringLiteral("--input-size"), QStringLiteral("32")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(report[QStringLiteral("images")].toInt(), 20'000);
        const auto counts = countsOf(report);
        QCOMPARE(counts.size(), std::size_t{10});
        for (const auto& [name, row] : counts) {
            QCOMPARE(row.at(QStringLiteral("train")), 1000);
            QCOMPARE(row.at(QStringLiteral("test")), 1000);
        }
        QVERIFY(counts.count(QStringLiteral("airplane")) && counts.count(QStringLiteral("truck")));
    }

    void mnist() {
        TSTUDIO_REQUIRE_SHARED();
        Run run;
        const QJsonObject report =
            inspectJson(tstudio::test::sharedDir() + QStringLiteral("/datasets/mnist"), run,
                        {QStringLiteral("--input-size"), QStringLiteral("28")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(report[QStringLiteral("images")].toInt(), 10'000);
        const int expected[] = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};
        const QJsonArray classes = report[QStringLiteral("classes")].toArray();
        QCOMPARE(classes.size(), 10);
        for (int digit = 0; digit < 10; ++digit) {
            QCOMPARE(classes[digit].toObject()[QStringLiteral("total")].toInt(), expected[digit]);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliData)
#include "tst_cli_data.moc"
