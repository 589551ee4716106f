// The runs panel: selecting runs shows their curves and settings; Delete asks, Cancel keeps
// everything, confirming deletes the run's folder and forgets the run, a folder that is not a
// run folder is refused (and kept), and a run whose folder is gone is just forgotten.

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <filesystem>
#include <fstream>
#include <functional>

#include "core/training/trainer.h"
#include "ui/models/run_comparison_model.h"
#include "ui/models/run_history_model.h"
#include "ui/project/project_state.h"
#include "ui/runs/run_curves_plot.h"
#include "ui/runs/run_deletion.h"
#include "ui/runs/runs_panel.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& file) {
    std::ofstream(file) << "x";
}

/** A finished run with its folder as train() leaves it. */
project::RunRecord writtenRun(const fs::path& runs, const char* name, const char* started,
                              double lr) {
    const fs::path folder = runs / name;
    fs::create_directories(folder);
    touch(training::bundleFile(folder));
    touch(training::checkpointFile(folder));
    touch(folder / "run.log");
    project::RunRecord r;
    r.startedAt = started;
    r.config.optimizer.lr = lr;
    r.config.outDir = folder;
    r.summary.bundle = training::bundleFile(folder);
    for (int epoch = 1; epoch <= 3; ++epoch) {
        training::EpochMetrics m;
        m.epoch = epoch;
        m.trainLoss = 1.0 / epoch;
        m.valLoss = 1.1 / epoch;
        m.valAccuracy = 0.6 + 0.1 * epoch;
        r.summary.history.push_back(m);
    }
    r.summary.epochsRun = 3;
    return r;
}

/** Presses the button named text on the next message box, once it is shown. */
void answerNextBox(const QString& objectName, const QString& text, bool* seen) {
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [=] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box == nullptr) {
            return;
        }
        timer->stop();
        timer->deleteLater();
        *seen = box->objectName() == objectName;
        for (QAbstractButton* button : box->buttons()) {
            if (button->text().remove(QLatin1Char('&')) == text) {
                button->click();
                return;
            }
        }
        box->reject();
    });
    timer->start();
}

/** Selects row of view alone, whatever modifier a previous key click left behind. */
void selectOnly(QTableView* view, int row) {
    view->selectionModel()->select(view->model()->index(row, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool waitUntilIdle(ui::RunDeletion* deletion) {
    return QTest::qWaitFor([deletion] { return !deletion->isRunning(); }, 10000);
}

} // namespace

class TestRunsPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    fs::path m_runs;
    std::unique_ptr<ui::ProjectState> m_project;
    std::unique_ptr<ui::RunsPanel> m_panel;

private Q_SLOTS:
    void init() {
        m_runs = fs::path(m_tmp.path().toStdString()) / QTest::currentTestFunction();
        m_project = std::make_unique<ui::ProjectState>();
        m_project->addRun(writtenRun(m_runs, "a", "2026-12-01T10:00:00Z", 1e-3));
        m_project->addRun(writtenRun(m_runs, "b", "2026-12-01T11:00:00Z", 3e-4));
        m_project->addRun(writtenRun(m_runs, "c", "2026-12-01T12:00:00Z", 1e-3));
        m_panel = std::make_unique<ui::RunsPanel>(m_project.get());
        m_panel->resize(1000, 700);
        m_panel->show();
        // Shortcuts (Delete) only reach an active window.
        m_panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    }

    void cleanup() {
        m_panel.reset();
        m_project.reset();
    }

    void selectingRunsComparesThem() {
        QAbstractItemModelTester sorted(m_panel->runList()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_panel->runList()->model()->rowCount(), 3);
        QCOMPARE(m_panel->curves()->runCount(), 0);
        QVERIFY(!m_panel->deleteAction()->isEnabled());

        m_panel->runList()->setFocus();
        QTest::keyClick(m_panel->runList(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_panel->selectedRuns().size(), std::size_t{3});
        QCOMPARE(m_panel->curves()->runCount(), 3);
        QCOMPARE(m_panel->comparisonModel()->runCount(), 3);
        const int lr = m_panel->comparisonModel()->rowOf(QStringLiteral("optimizer.lr"));
        QVERIFY(lr >= 0 && m_panel->comparisonModel()->differs(lr));
        QVERIFY(m_panel->deleteAction()->isEnabled());

        // Newest first in the list: row 0 is run c, row 2 run a; the comparison is oldest first.
        selectOnly(m_panel->runList(), 0);
        QCOMPARE(m_panel->curves()->runCount(), 1);
        QCOMPARE(m_panel->selectedRuns().front().startedAt, std::string("2026-12-01T12:00:00Z"));
        QVERIFY(!m_panel->comparisonModel()->differs(lr));

        m_project->setTraining(true); // a continued run may write into a listed folder
        QVERIFY(!m_panel->deleteAction()->isEnabled());
        m_project->setTraining(false);
        QVERIFY(m_panel->deleteAction()->isEnabled());
    }

    void cancelKeepsEverything() {
        selectOnly(m_panel->runList(), 0); // run c
        bool asked = false;
        answerNextBox(QStringLiteral("confirmRunDeletion"), QStringLiteral("Cancel"), &asked);
        m_panel->runList()->setFocus();
        QTest::keyClick(m_panel->runList(), Qt::Key_Delete);
        QVERIFY(asked);
        QVERIFY(waitUntilIdle(m_panel->deletion()));
        QCOMPARE(m_project->runs().size(), std::size_t{3});
        QVERIFY(fs::exists(m_runs / "c" / "model.tsmodel"));
    }

    void confirmDeletesTheFolderAndForgetsTheRun() {
        QSignalSpy edited(m_project.get(), &ui::ProjectState::edited);
        selectOnly(m_panel->runList(), 0); // run c
        m_panel->runList()->selectionModel()->select(m_panel->runList()->model()->index(2, 0),
                                                     QItemSelectionModel::Select |
                                                         QItemSelectionModel::Rows); // and run a
        QCOMPARE(m_panel->selectedRuns().size(), std::size_t{2});
        bool asked = false;
        answerNextBox(QStringLiteral("confirmRunDeletion"), QStringLiteral("Delete"), &asked);
        m_panel->deleteAction()->trigger();
        QVERIFY(asked);
        QVERIFY(QTest::qWaitFor([this] { return m_project->runs().size() == 1; }, 10000));
        QVERIFY(waitUntilIdle(m_panel->deletion()));
        QCOMPARE(m_project->runs().front().startedAt, std::string("2026-12-01T11:00:00Z"));
        QVERIFY(!fs::exists(m_runs / "a"));
        QVERIFY(!fs::exists(m_runs / "c"));
        QVERIFY(fs::exists(m_runs / "b" / "model.tsmodel"));
        QCOMPARE(edited.count(), 2);
        QCOMPARE(m_panel->historyModel()->rowCount(), 1);
        QCOMPARE(m_panel->curves()->runCount(), 0); // the deleted runs left the comparison
    }

    void refusesAFolderThatIsNotARunFolder() {
        touch(m_runs / "b" / "thesis-figure.png");
        selectOnly(m_panel->runList(), 1); // run b
        bool asked = false, refused = false;
        answerNextBox(QStringLiteral("confirmRunDeletion"), QStringLiteral("Delete"), &asked);
        m_panel->deleteAction()->trigger();
        QVERIFY(asked);
        answerNextBox(QStringLiteral("runFolderRefused"), QStringLiteral("Keep the Run"), &refused);
        QVERIFY(QTest::qWaitFor([&refused] { return refused; }, 10000));
        QVERIFY(waitUntilIdle(m_panel->deletion()));
        QCOMPARE(m_project->runs().size(), std::size_t{3});
        QVERIFY(fs::exists(m_runs / "b" / "thesis-figure.png"));
        QVERIFY(fs::exists(m_runs / "b" / "model.tsmodel"));

        // The person may still take it off the list; the folder stays.
        refused = false;
        answerNextBox(QStringLiteral("confirmRunDeletion"), QStringLiteral("Delete"), &asked);
        m_panel->deleteAction()->trigger();
        answerNextBox(QStringLiteral("runFolderRefused"),
                      QStringLiteral("Remove from the List Only"), &refused);
        QVERIFY(QTest::qWaitFor([this] { return m_project->runs().size() == 2; }, 10000));
        QVERIFY(refused);
        QVERIFY(fs::exists(m_runs / "b" / "thesis-figure.png"));
    }

    void aRunWhoseFolderIsGoneIsForgotten() {
        fs::remove_all(m_runs / "a");
        selectOnly(m_panel->runList(), 2); // run a
        bool asked = false;
        answerNextBox(QStringLiteral("confirmRunDeletion"), QStringLiteral("Delete"), &asked);
        m_panel->deleteAction()->trigger();
        QVERIFY(asked);
        QVERIFY(QTest::qWaitFor([this] { return m_project->runs().size() == 2; }, 10000));
        QVERIFY(waitUntilIdle(m_panel->deletion()));
        QVERIFY(QApplication::activeModalWidget() == nullptr); // no error shown
    }
};

QTEST_MAIN(TestRunsPanel)
#include "tst_runs_panel.moc"
