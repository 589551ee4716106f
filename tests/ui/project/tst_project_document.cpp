// The project as a document: save and open through the window's document, the unsaved mark,
// autosave after edits, recovery after the process is killed, missing images reported, and a
// damaged file that changes nothing.

#include <csignal>
#include <cstdlib>

#include <QApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset_opener.h"
#include "core/project/project_file.h"
#include "tests/core/data/dataset_fixtures.h"
#include "ui/main_window.h"
#include "ui/models/run_history_model.h"
#include "ui/project/project_document.h"
#include "ui/project/project_state.h"
#include "ui/project/run_history_dock.h"

using namespace tstudio;
using tstudio::ui::ProjectDocument;
using tstudio::ui::ProjectState;
namespace fs = std::filesystem;

namespace {

constexpr const char* kChildEnv = "TSTUDIO_TEST_EDIT_THEN_DIE";

/** Six loose images and a project file over them with two classes and no labels yet. */
fs::path writeProject(const fs::path& root) {
    // Names from a table: GCC 12 warns wrongly about "p" + std::to_string(i) at -O3.
    for (const char* name : {"p0.png", "p1.png", "p2.png", "p3.png", "p4.png", "p5.png"}) {
        test::writeBytes(root / "photos" / name, test::pngBytes(16, 16, name[1] - '0'));
    }
    project::Project p;
    p.dataset.dataset = std::move(data::openDataset(root / "photos", {}, true)).value();
    p.dataset.dataset.addClass("ant");
    p.dataset.dataset.addClass("bee");
    const fs::path file = root / "labels.tsproj";
    (void)project::saveProject(p, file);
    return file;
}

/** Opens file in document and waits for it. */
bool openAndWait(ProjectDocument& document, const fs::path& file) {
    QSignalSpy opened(&document, &ProjectDocument::opened);
    document.open(QString::fromStdString(file.string()));
    return opened.wait(20000);
}

/** The child: opens the project, labels three images, waits for the autosave, is killed. */
[[noreturn]] void editThenDie(const QString& dir) {
    ProjectState state;
    ProjectDocument document(&state, nullptr, fs::path(dir.toStdString()) / "autosave");
    document.setAutosaveDelay(10);
    openAndWait(document, fs::path(dir.toStdString()) / "labels.tsproj");
    state.setLabels({0, 1, 2}, {0, 1, 1});
    state.setExcluded({5}, {true});
    QSignalSpy autosaved(&document, &ProjectDocument::autosaved);
    autosaved.wait(20000);
    std::raise(SIGKILL);
    std::abort();
}

} // namespace

class TestProjectDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TransferStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_project_document"));
    }

    void saveOpenAndTheUnsavedMark() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const fs::path file = writeProject(root);
        ProjectState state;
        ProjectDocument document(&state, nullptr, root / "autosave");
        QCOMPARE(document.displayName(), QStringLiteral("Untitled"));
        QVERIFY(openAndWait(document, file));
        QCOMPARE(document.displayName(), QStringLiteral("labels"));
        QVERIFY(!document.isModified());
        QVERIFY(!document.hasWorkToSave());
        QCOMPARE(state.dataset().size(), std::size_t{6});

        state.setLabels({0, 3}, {1, 0});
        QVERIFY(document.hasWorkToSave());
        QSignalSpy saved(&document, &ProjectDocument::saved);
        document.save();
        QVERIFY(saved.wait(20000));
        QVERIFY(!document.isModified());
        QVERIFY(ProjectDocument::recentProjects().contains(document.filePath()));

        ProjectState other;
        ProjectDocument reopened(&other, nullptr, root / "autosave2");
        QVERIFY(openAndWait(reopened, file));
        QCOMPARE(other.dataset().sample(0).label, 1);
        QCOMPARE(other.dataset().sample(3).label, 0);
    }

    void anEditDuringTheSaveStaysUnsaved() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        ProjectState state;
        ProjectDocument document(&state, nullptr, root / "autosave");
        QVERIFY(openAndWait(document, writeProject(root)));
        state.setLabels({1}, {0});
        QSignalSpy saved(&document, &ProjectDocument::saved);
        document.save();
        state.setLabels({2}, {1}); // while the file is being written
        QVERIFY(saved.wait(20000));
        QVERIFY(document.isModified());
    }

    void editsAreAutosavedAndASaveRemovesTheAutosave() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        ProjectState state;
        ProjectDocument document(&state, nullptr, root / "autosave");
        document.setAutosaveDelay(10);
        QVERIFY(openAndWait(document, writeProject(root)));
        QVERIFY(document.autosaveFile().empty());
        QSignalSpy autosaved(&document, &ProjectDocument::autosaved);
        state.setLabels({4}, {1});
        QVERIFY(autosaved.wait(20000));
        const fs::path autosave = document.autosaveFile();
        QVERIFY(fs::exists(autosave));
        QSignalSpy saved(&document, &ProjectDocument::saved);
        document.save();
        QVERIFY(saved.wait(20000));
        QVERIFY(!fs::exists(autosave));
    }

    void aKilledSessionIsRecovered() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const fs::path file = writeProject(root);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildEnv), tmp.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        ProjectState state;
        ProjectDocument document(&state, nullptr, root / "autosave");
        const auto found = document.recoverable();
        QCOMPARE(found.size(), std::size_t{1});
        QVERIFY(document.recover(found[0]));
        QCOMPARE(document.filePath(), QString::fromStdString(file.string()));
        QVERIFY(document.hasWorkToSave());
        QCOMPARE(state.dataset().sample(0).label, 0);
        QCOMPARE(state.dataset().sample(1).label, 1);
        QCOMPARE(state.dataset().sample(2).label, 1);
        QVERIFY(state.dataset().sample(5).excluded);
        // The file itself still holds what was saved before the crash.
        QCOMPARE(project::openProject(file)->project.dataset.dataset.sample(0).label,
                 data::kUnlabeled);
        // Once this session's autosave holds the edits, the old one is gone: nothing is offered
        // twice.
        QSignalSpy autosaved(&document, &ProjectDocument::autosaved);
        QVERIFY(autosaved.count() > 0 || autosaved.wait(20000));
        ProjectState third;
        ProjectDocument later(&third, nullptr, root / "autosave");
        QVERIFY(later.recoverable().empty());
    }

    void missingImagesAreReportedAndKeepTheirLabels() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        const fs::path file = writeProject(root);
        {
            ProjectState state;
            ProjectDocument document(&state, nullptr, root / "autosave");
            QVERIFY(openAndWait(document, file));
            state.setLabels({2}, {1});
            QSignalSpy saved(&document, &ProjectDocument::saved);
            document.save();
            QVERIFY(saved.wait(20000));
        }
        QVERIFY(fs::remove(root / "photos" / "p2.png"));
        ProjectState state;
        ProjectDocument document(&state, nullptr, root / "autosave");
        QSignalSpy opened(&document, &ProjectDocument::opened);
        document.open(QString::fromStdString(file.string()));
        QVERIFY(opened.wait(20000));
        const QStringList missing = opened.at(0).at(1).toStringList();
        QCOMPARE(missing.size(), 1);
        QVERIFY(missing[0].endsWith(QStringLiteral("p2.png")));
        QCOMPARE(state.dataset().size(), std::size_t{6});
        QCOMPARE(state.dataset().sample(2).label, 1);
    }

    void aDamagedFileChangesNothing() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        ProjectState state;
        ProjectDocument document(&state, nullptr, root / "autosave");
        const fs::path good = writeProject(root);
        QVERIFY(openAndWait(document, good));
        state.setLabels({0}, {1});
        const fs::path bad = root / "bad.tsproj";
        test::writeText(bad, "{\"format\": \"tstudio-project\", \"vers");
        QSignalSpy failed(&document, &ProjectDocument::failed);
        document.open(QString::fromStdString(bad.string()));
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("bad.tsproj")));
        QCOMPARE(document.filePath(), QString::fromStdString(good.string()));
        QCOMPARE(state.dataset().sample(0).label, 1); // the edit is still there
        QVERIFY(document.isModified());
    }

    void theWindowTitleNamesTheProjectAndItsUnsavedState() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        ui::MainWindow window;
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled")));
        QVERIFY(openAndWait(*window.document(), writeProject(root)));
        QCOMPARE(window.windowTitle(), QStringLiteral("labels[*] — Transfer Studio"));
        QVERIFY(!window.isWindowModified());
        window.project()->setLabels({1}, {0});
        QVERIFY(window.isWindowModified());
    }

    void finishedRunsShowInTheHistoryAndTheFile() {
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        ui::MainWindow window;
        QVERIFY(openAndWait(*window.document(), writeProject(root)));
        auto* dock = window.findChild<ui::RunHistoryDock*>();
        QVERIFY(dock != nullptr);
        QCOMPARE(dock->model()->rowCount(), 0);
        training::TrainingSummary summary;
        summary.epochsRun = 2;
        summary.bestValAccuracy = 0.8;
        summary.bundle = root / "runs" / "run1" / "model.tsmodel";
        window.project()->addRun(project::makeRunRecord(window.project()->config(), summary));
        QCOMPARE(dock->model()->rowCount(), 1);
        QSignalSpy saved(window.document(), &ProjectDocument::saved);
        window.document()->save();
        QVERIFY(saved.wait(20000));
        const auto reopened = project::openProject(root / "labels.tsproj");
        QCOMPARE(reopened->project.runs.size(), std::size_t{1});
        QCOMPARE(reopened->project.runs[0].summary.bundle, summary.bundle);
    }
};

int main(int argc, char** argv) {
    if (const char* dir = std::getenv(kChildEnv)) {
        QApplication app(argc, argv);
        QStandardPaths::setTestModeEnabled(true);
        editThenDie(QString::fromLocal8Bit(dir));
    }
    QApplication app(argc, argv);
    TestProjectDocument test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_project_document.moc"
