// The project file: save/open round trip, missing images, damaged and newer files, moved
// projects, and `--data project.tsproj`'s reader.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "core/project/project_file.h"
#include "core/project/project_json.h"
#include "project_fixture.h"
#include "tests/core/data/dataset_fixtures.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

fs::path writeImages(const fs::path& folder, int count) {
    for (int i = 0; i < count; ++i) {
        test::writeBytes(folder / ("img" + std::to_string(i) + ".png"), test::pngBytes(20, 16, i));
    }
    return folder;
}

QByteArray readAll(const fs::path& file) {
    QFile in(QString::fromStdString(file.string()));
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

void writeAll(const fs::path& file, const QByteArray& bytes) {
    QFile out(QString::fromStdString(file.string()));
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(bytes);
}

/** Everything a project holds, compared sample by sample. */
void compareProjects(const project::Project& a, const project::Project& b) {
    const data::Dataset& x = a.dataset.dataset;
    const data::Dataset& y = b.dataset.dataset;
    QCOMPARE(y.classes(), x.classes());
    QCOMPARE(y.size(), x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        QCOMPARE(y.sample(i).path, x.sample(i).path);
        QCOMPARE(y.sample(i).label, x.sample(i).label);
        QCOMPARE(y.sample(i).split, x.sample(i).split);
        QCOMPARE(y.sample(i).excluded, x.sample(i).excluded);
    }
    QVERIFY(b.dataset.recipe.has_value());
    QCOMPARE(b.dataset.recipe->seed, a.dataset.recipe->seed);
    QCOMPARE(training::toJson(b.config), training::toJson(a.config));
    QCOMPARE(b.runs.size(), a.runs.size());
    for (std::size_t r = 0; r < a.runs.size(); ++r) {
        QCOMPARE(b.runs[r].startedAt, a.runs[r].startedAt);
        QCOMPARE(training::toJson(b.runs[r].config), training::toJson(a.runs[r].config));
        QCOMPARE(training::toJson(b.runs[r].summary), training::toJson(a.runs[r].summary));
    }
}

} // namespace

class TestProjectFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saveOpenRoundTrip() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const project::Project saved = test::labelledProject(writeImages(root / "photos", 9));
        const fs::path file = root / "labels.tsproj";
        QVERIFY(project::saveProject(saved, file));
        auto opened = project::openProject(file);
        QVERIFY2(opened, opened ? "" : opened.message().c_str());
        QVERIFY(opened->missingImages.empty());
        compareProjects(saved, opened->project);
        // Saving what was opened gives the same bytes: nothing drifts from save to save.
        const fs::path again = root / "again.tsproj";
        QVERIFY(project::saveProject(opened->project, again));
        QCOMPARE(readAll(again), readAll(file));
    }

    void excludedAndUnlabeledAreLeftOutOfCounts() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const project::Project p = test::labelledProject(writeImages(root / "photos", 9));
        const data::Dataset& d = p.dataset.dataset;
        // Labels 0,1,-,0,1,-,0,1,- with image 1 (a bee) excluded.
        QCOMPARE(d.countPerClass(), (std::vector<std::size_t>{3, 2}));
        QCOMPARE(d.unlabeledCount(), std::size_t{3});
        QCOMPARE(d.excludedCount(), std::size_t{1});
    }

    void missingImageIsReportedAndKeepsItsLabel() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const project::Project saved = test::labelledProject(writeImages(root / "photos", 6));
        const fs::path file = root / "p.tsproj";
        QVERIFY(project::saveProject(saved, file));
        const fs::path gone = saved.dataset.dataset.sample(3).path;
        QVERIFY(fs::remove(gone));
        auto opened = project::openProject(file);
        QVERIFY2(opened, opened ? "" : opened.message().c_str());
        QCOMPARE(opened->missingImages, (std::vector<fs::path>{gone}));
        QCOMPARE(opened->project.dataset.dataset.sample(3).path, gone);
        QCOMPARE(opened->project.dataset.dataset.sample(3).label, 0);
    }

    void damagedFilesFailClearlyAndChangeNothing_data() {
        QTest::addColumn<int>("cut"); // bytes kept of a valid file; -1: other damage below
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << 0 << QByteArray() << "not valid JSON";
        QTest::newRow("truncated") << 200 << QByteArray() << "not valid JSON";
        QTest::newRow("half") << -2 << QByteArray() << "not valid JSON";
        QTest::newRow("other json") << -1 << QByteArray(R"({"format": "tstudio-dataset"})")
                                    << "not a Transfer Studio project";
        QTest::newRow("array") << -1 << QByteArray("[1, 2]") << "not valid JSON";
        QTest::newRow("binary") << -1 << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)
                                << "not valid JSON";
        QTest::newRow("no version")
            << -1 << QByteArray(R"({"format": "tstudio-project"})") << "no valid format version";
        QTest::newRow("bad label")
            << -1
            << QByteArray(R"({"format": "tstudio-project", "version": 1, "dataset": )"
                          R"({"format": "tstudio-dataset", "version": 2, "kind": "image-folder",)"
                          R"( "root": "/nonexistent", "classes": ["a"], "samples": )"
                          R"([{"path": "x.png", "label": 5, "split": "train"}]}})")
            << "label 5, but there are 1 classes";
        QTest::newRow("bad config")
            << -1
            << QByteArray(R"({"format": "tstudio-project", "version": 1, "dataset": )"
                          R"({"format": "tstudio-dataset", "version": 2, "kind": "image-folder",)"
                          R"( "root": "/nonexistent", "classes": [], "samples": []},)"
                          R"( "config": {"optimizer": {"kind": "adamish"}}})")
            << "training settings cannot be read";
    }

    void damagedFilesFailClearlyAndChangeNothing() {
        QFETCH(int, cut);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const fs::path file = root / "damaged.tsproj";
        if (cut != -1) {
            QVERIFY(
                project::saveProject(test::labelledProject(writeImages(root / "photos", 4)), file));
            const QByteArray full = readAll(file);
            bytes = full.left(cut >= 0 ? cut : full.size() / 2);
        }
        writeAll(file, bytes);
        auto opened = project::openProject(file);
        QVERIFY(!opened);
        QVERIFY2(QString::fromStdString(opened.message()).contains(expected, Qt::CaseInsensitive),
                 opened.message().c_str());
        QVERIFY2(opened.message().find(file.string()) != std::string::npos, "names the file");
        QCOMPARE(readAll(file), bytes); // opening never writes
    }

    void newerFormatIsRefusedNotDropped() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const fs::path file = root / "future.tsproj";
        QVERIFY(project::saveProject(test::labelledProject(writeImages(root / "photos", 3)), file));
        QJsonObject json = QJsonDocument::fromJson(readAll(file)).object();
        json[QStringLiteral("version")] = project::kProjectFormatVersion + 1;
        json[QStringLiteral("somethingNew")] = QStringLiteral("an older build cannot know this");
        writeAll(file, QJsonDocument(json).toJson());
        auto opened = project::openProject(file);
        QVERIFY(!opened);
        const std::string expected = "newer Transfer Studio (project format " +
                                     std::to_string(project::kProjectFormatVersion + 1) +
                                     "; this version reads formats up to " +
                                     std::to_string(project::kProjectFormatVersion);
        QVERIFY2(opened.message().find(expected) != std::string::npos, opened.message().c_str());
    }

    void projectMovedWithItsImagesStillFindsThem() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const project::Project saved =
            test::labelledProject(writeImages(root / "old" / "photos", 4));
        QVERIFY(project::saveProject(saved, root / "old" / "p.tsproj"));
        fs::rename(root / "old", root / "new");
        auto opened = project::openProject(root / "new" / "p.tsproj");
        QVERIFY2(opened, opened ? "" : opened.message().c_str());
        QVERIFY(opened->missingImages.empty());
        QCOMPARE(opened->project.dataset.dataset.sample(0).path,
                 (root / "new" / "photos" / "img0.png").lexically_normal());
    }

    void trainingDataOfAProjectIsItsLabels() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const project::Project saved = test::labelledProject(writeImages(root / "photos", 9));
        const fs::path file = root / "p.TSPROJ"; // the extension in any case
        QVERIFY(project::saveProject(saved, file));
        auto dataset = project::openTrainingData(file);
        QVERIFY2(dataset, dataset ? "" : dataset.message().c_str());
        QCOMPARE(dataset->countPerClass(data::Split::Train), (std::vector<std::size_t>{2, 1}));
        QCOMPARE(dataset->countPerClass(data::Split::Val), (std::vector<std::size_t>{1, 1}));
        // Anything else still opens as a dataset.
        auto folder = project::openTrainingData(root / "photos", {}, true);
        QVERIFY(folder);
        QCOMPARE(folder->size(), std::size_t{9});
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_project_file.moc"
