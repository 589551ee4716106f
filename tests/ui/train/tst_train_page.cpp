#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "core/common/threads.h"
#include "core/training/local_data_parallel.h"
#include "core/training/model_bundle.h"
#include "tiny_dataset.h"
#include "ui/common/failure_message.h"
#include "ui/common/settings_keys.h"
#include "ui/project/project_state.h"
#include "ui/train/live_plot.h"
#include "ui/train/lr_finder_view.h"
#include "ui/train/scientific_spin_box.h"
#include "ui/train/train_page.h"
#include "ui/train/training_session.h"
#include "ui/train/training_settings.h"

using tstudio::ui::LivePlot;
using tstudio::ui::ProjectState;
using tstudio::ui::TrainingSession;
using tstudio::ui::TrainPage;

namespace {
constexpr int kRunTimeoutMs = 600000;

tstudio::training::TrainingConfig tinyConfig(const QString& outDir, int epochs) {
    tstudio::training::TrainingConfig config;
    config.arch = "resnet18";
    config.fromScratch = true;
    config.inputSize = 32;
    config.mode = tstudio::training::TrainMode::FineTune;
    config.epochs = epochs;
    config.batchSize = 4;
    config.augment = false;
    config.workers = 1;
    config.device = "cpu";
    config.outDir = outDir.toStdString();
    config.optimizer.lr = 1e-3;
    return config;
}
/** A project on the tiny dataset whose runs go into a temporary runs folder. */
struct TinyProject {
    QTemporaryDir runs;
    ProjectState project;
    TinyProject(const tstudio::data::Dataset& dataset, int epochs) {
        project.setDataset(dataset);
        project.setConfig(tinyConfig(runs.path(), epochs));
    }
};

/** Until the page's run has finished its first epoch (its first validation point). */
bool waitForFirstEpoch(const TrainPage& page) {
    return QTest::qWaitFor(
        [&] { return page.accuracyPlot()->pointCount(TrainPage::ValAccuracy) >= 1; },
        kRunTimeoutMs);
}
} // namespace

class TestTrainPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    tstudio::data::Dataset m_dataset;

    /** Runs the Train step with a weight file that is not one (bad.pth); once the run has
        failed, check(page, project, path of the file) looks at what the page shows. */
    void
    runWithBadWeights(const std::function<void(TrainPage&, ProjectState&, const QString&)>& check) {
        QTemporaryDir runs;
        ProjectState project;
        project.setDataset(m_dataset);
        auto config = tinyConfig(runs.path(), 1);
        config.fromScratch = false;
        const QString bad = runs.filePath(QStringLiteral("bad.pth"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a weights file");
        file.close();
        config.weights = bad.toStdString();
        project.setConfig(config);
        TrainPage page(&project);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.start();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY(!ended[0][0].toBool());
        check(page, project, bad);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location
        QCoreApplication::setOrganizationName(QStringLiteral("TransferStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_train_page"));
        QVERIFY(m_data.isValid());
        m_dataset = tstudio::test::writeTinyDataset(m_data.path());
        QCOMPARE(m_dataset.size(), size_t{16});
        QCOMPARE(m_dataset.classes().size(), size_t{2});
    }

    void init() { QSettings().clear(); } // a stop in one test leaves a run to continue

    void aShortRunPlotsProgressesAndSavesTheBundle() {
        TinyProject tiny(m_dataset, 2);
        auto& project = tiny.project;
        TrainPage page(&project);
        QSignalSpy started(&page, &TrainPage::runStarted);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        QSignalSpy training(&project, &ProjectState::trainingChanged);

        page.start();
        QCOMPARE(started.count(), 1);
        QVERIFY(page.isRunning());
        QVERIFY(project.isTraining());
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY(page.stopButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY2(ended[0][0].toBool(), qPrintable(page.errorText() + page.logText()));
        QVERIFY(!page.isRunning());
        QVERIFY(!project.isTraining());
        QCOMPARE(training.count(), 2);

        // Plots: batch losses (and their smoothed curve), two epochs of loss and accuracy.
        QVERIFY(page.lossPlot()->pointCount(TrainPage::TrainBatchLoss) >= 2);
        QCOMPARE(page.lossPlot()->pointCount(TrainPage::TrainSmoothedLoss),
                 page.lossPlot()->pointCount(TrainPage::TrainBatchLoss));
        QCOMPARE(page.lossPlot()->pointCount(TrainPage::TrainEpochLoss), 2);
        QCOMPARE(page.lossPlot()->pointCount(TrainPage::ValEpochLoss), 2);
        QCOMPARE(page.accuracyPlot()->pointCount(TrainPage::TrainAccuracy), 2);
        QCOMPARE(page.accuracyPlot()->pointCount(TrainPage::ValAccuracy), 2);
        QVERIFY(page.learningRatePlot()->pointCount(0) >= 2);
        QCOMPARE(page.progressBar()->value(), page.progressBar()->maximum());

        // The bundle: written, announced, readable, inside a run folder of the runs folder.
        const QString bundle = project.lastBundle();
        QVERIFY(!bundle.isEmpty());
        QVERIFY(QFileInfo::exists(bundle));
        QVERIFY(bundle.startsWith(QDir(tiny.runs.path()).absolutePath()) ||
                bundle.startsWith(tiny.runs.path()));
        auto info = tstudio::training::readBundleInfo(bundle.toStdString());
        QVERIFY2(info.ok(), info ? "" : info.message().c_str());
        QCOMPARE(info->classes.size(), size_t{2});
        QCOMPARE(info->history.size(), size_t{2});
        QVERIFY(page.summaryText().contains(QStringLiteral("Model saved to")));
        QVERIFY(!page.logText().isEmpty());
    }

    void stopEndsTheRunAfterTheCurrentBatchAndKeepsTheModel() {
        TinyProject tiny(m_dataset, 200);
        auto& project = tiny.project;
        TrainPage page(&project);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.start();
        // After the first epoch: the stopped run still writes its bundle.
        QVERIFY(waitForFirstEpoch(page));
        page.stopButton()->click();
        QVERIFY(!page.stopButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY2(ended[0][0].toBool(), qPrintable(page.errorText()));
        QVERIFY(page.accuracyPlot()->pointCount(TrainPage::ValAccuracy) < 50);
        QVERIFY(QFileInfo::exists(project.lastBundle()));
        QVERIFY2(page.summaryText().contains(QStringLiteral("stopped")),
                 qPrintable(page.summaryText()));
    }

    void aStopBeforeTheFirstEpochKeepsNothingToContinue() {
        TinyProject tiny(m_dataset, 200);
        auto& project = tiny.project;
        TrainPage page(&project);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.start();
        page.stop(); // before the worker has finished a batch
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY(!ended[0][0].toBool()); // no model: not a finished run
        QVERIFY(project.lastBundle().isEmpty());
        QVERIFY2(page.summaryText().contains(QStringLiteral("no model was saved")),
                 qPrintable(page.summaryText()));
        QVERIFY(page.resumableRun().isEmpty());
        QVERIFY(page.continueButton()->isHidden());
    }

    void aStoppedRunContinuesAfterARestart() {
        constexpr int kEpochs = 6;
        TinyProject tiny(m_dataset, kEpochs);
        auto& project = tiny.project;
        QString runDir;
        {
            TrainPage page(&project);
            QVERIFY(page.continueButton()->isHidden()); // nothing to continue yet
            QSignalSpy ended(&page, &TrainPage::runEnded);
            page.start();
            QVERIFY(waitForFirstEpoch(page));
            page.pauseButton()->click(); // holds it within a batch, so the stop lands mid-run
            page.stopButton()->click();
            QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
            runDir = page.resumableRun();
            QVERIFY2(!runDir.isEmpty(), qPrintable(page.summaryText()));
            QVERIFY(!page.continueButton()->isHidden());
            QVERIFY(page.continueButton()->isEnabled());
        }
        const auto stopped = tstudio::training::readBundleInfo(
            QString(runDir + QStringLiteral("/model.tsmodel")).toStdString());
        QVERIFY(stopped.ok());
        QVERIFY(stopped->history.size() < std::size_t{kEpochs});

        // A new window (the app restarted) offers the same run and carries it to its end.
        TrainPage page(&project);
        QCOMPARE(page.resumableRun(), runDir);
        QVERIFY(page.continueButton()->isEnabled());
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.continueButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY2(ended[0][0].toBool(), qPrintable(page.errorText()));
        QVERIFY2(page.logText().contains(QStringLiteral("Resuming from")),
                 qPrintable(page.logText()));
        const auto finished = tstudio::training::readBundleInfo(
            QString(runDir + QStringLiteral("/model.tsmodel")).toStdString());
        QVERIFY(finished.ok());
        QCOMPARE(finished->history.size(), std::size_t{kEpochs});
        // The window shows the whole run: the epochs before the stop came from its bundle.
        QCOMPARE(page.accuracyPlot()->pointCount(TrainPage::ValAccuracy), kEpochs);
        QVERIFY(page.resumableRun().isEmpty()); // finished: nothing left to continue
        QVERIFY(page.continueButton()->isHidden());

        // A remembered run whose checkpoint has gone is not offered after a restart.
        QSettings().setValue(tstudio::ui::settings_keys::resumableRun(),
                             tiny.runs.filePath(QStringLiteral("gone")));
        TrainPage restarted(&project);
        QVERIFY(restarted.resumableRun().isEmpty());
        QVERIFY(restarted.continueButton()->isHidden());
    }

    void aRunOnTwoProcessesShowsRankZeroAndCannotPause() {
        // The Processes box offers the cores; with fewer than two there is nothing to share.
        if (tstudio::usableCores() < 2) {
            QSKIP("this machine lets the test use one core");
        }
        TinyProject tiny(m_dataset, 2);
        TrainPage page(&tiny.project);
        page.settings()->processesBox()->setValue(2);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.start();
        QVERIFY(page.isRunning());
        QVERIFY(!page.pauseButton()->isEnabled()); // the ranks wait for each other every step
        QVERIFY(page.stopButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY2(ended[0][0].toBool(), qPrintable(page.errorText() + page.logText()));
        // This process was rank 0 and its reports drew the page; the helper was this program.
        QVERIFY2(page.logText().contains(QStringLiteral("Starting 1 helper process")),
                 qPrintable(page.logText()));
        QVERIFY(page.logText().contains(
            QStringLiteral("Data parallel: rank 0 of 2, batch 4 per process (8 per step)")));
        QVERIFY(page.logText().contains(
            QStringLiteral("the weights are identical on all 2 processes")));
        QCOMPARE(page.accuracyPlot()->pointCount(TrainPage::ValAccuracy), 2);
        QVERIFY(QFileInfo::exists(tiny.project.lastBundle()));
        // The count is this computer's setting, kept for the next window.
        tstudio::ui::TrainingSettings settings(&tiny.project);
        QCOMPARE(settings.processes(), 2);
    }

    void aRunStoppedOnTwoProcessesContinuesOnOne() {
        if (tstudio::usableCores() < 2) {
            QSKIP("this machine lets the test use one core");
        }
        constexpr int kEpochs = 4;
        TinyProject tiny(m_dataset, kEpochs);
        auto& project = tiny.project;
        TrainPage page(&project);
        page.settings()->processesBox()->setValue(2);
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.start();
        QVERIFY(waitForFirstEpoch(page));
        page.stopButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        const QString runDir = page.resumableRun();
        QVERIFY2(!runDir.isEmpty(), qPrintable(page.summaryText() + page.errorText()));

        // Three processes cannot share a step of 2 x 4 images: said before anything starts.
        page.settings()->processesBox()->setValue(3);
        if (page.settings()->processesBox()->value() == 3) {
            page.continueButton()->click();
            QVERIFY2(page.errorText().contains(QStringLiteral("cannot share")),
                     qPrintable(page.errorText()));
            QVERIFY(!page.isRunning());
        }
        // Other settings: the engine refuses the checkpoint, and the run stays continuable.
        auto config = project.config();
        const double lr = config.optimizer.lr;
        config.optimizer.lr = lr * 2;
        project.setConfig(config);
        page.continueButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, kRunTimeoutMs);
        QVERIFY(!ended[1][0].toBool());
        QCOMPARE(page.resumableRun(), runDir);
        QVERIFY(page.continueButton()->isEnabled());

        // On one process the batch becomes the whole step's 8, and the run goes on to its end.
        config.optimizer.lr = lr;
        project.setConfig(config);
        page.settings()->processesBox()->setValue(1);
        page.continueButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 3, kRunTimeoutMs);
        QVERIFY2(ended[2][0].toBool(), qPrintable(page.errorText() + page.logText()));
        QVERIFY(page.logText().contains(QStringLiteral("Resuming from")));
        const auto finished = tstudio::training::readBundleInfo(
            QString(runDir + QStringLiteral("/model.tsmodel")).toStdString());
        QVERIFY(finished.ok());
        QCOMPARE(finished->history.size(), std::size_t{kEpochs});
        QCOMPARE(finished->config.batchSize, 8);
    }

    void pauseHoldsTheRunUntilResumed() {
        TinyProject tiny(m_dataset, 200);
        auto& project = tiny.project;
        TrainPage page(&project);
        page.start();
        QTRY_VERIFY_WITH_TIMEOUT(page.lossPlot()->pointCount(TrainPage::TrainBatchLoss) >= 1,
                                 kRunTimeoutMs);
        page.pauseButton()->click();
        QVERIFY(page.isPaused());
        QCOMPARE(page.pauseButton()->text(), QStringLiteral("Resume"));
        page.pauseButton()->click();
        QVERIFY(!page.isPaused());
        QCOMPARE(page.pauseButton()->text(), QStringLiteral("Pause"));
        // Paused: the bar says so and keeps the numbers.
        page.pauseButton()->click();
        QVERIFY2(page.progressBar()->format().startsWith(QStringLiteral("Paused · ")),
                 qPrintable(page.progressBar()->format()));
        QVERIFY2(page.progressBar()->format().contains(QStringLiteral(" of ")),
                 qPrintable(page.progressBar()->format()));
        // Stopping a paused run works too (stop clears the pause).
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.stop();
        QVERIFY(!page.isPaused());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY(!page.isRunning());
        QVERIFY(!project.isTraining());
    }

    void theSessionEndsItsJobWithOneSignalAndNeverBlocks() {
        TinyProject tiny(m_dataset, 200);
        auto& project = tiny.project;
        TrainPage page(&project);
        TrainingSession* session = page.session();
        QSignalSpy ended(session, &TrainingSession::ended);
        QSignalSpy finished(session, &TrainingSession::runFinished);
        page.start();
        QVERIFY(waitForFirstEpoch(page));
        session->stop();
        QVERIFY(session->isStopping());
        QVERIFY(session->isRunning()); // stop returns at once; the run ends on its own
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(ended[0][0].value<TrainingSession::Job>(), TrainingSession::Job::Training);
        QVERIFY(!session->isRunning());
        QVERIFY(QFileInfo::exists(project.lastBundle()));
        QVERIFY(QFileInfo::exists(session->runDir() + QStringLiteral("/checkpoint.pt")));
    }

    void theProgressBarShowsValidationAndTheSmoothedLossKeepsUp() {
        // 12 training images in batches of 4: three batches per epoch.
        TinyProject tiny(m_dataset, 3);
        auto& project = tiny.project;
        TrainPage page(&project);
        QStringList texts;
        // Connected after the page's own handler: sees the text the page just showed.
        connect(page.session(), &TrainingSession::phaseProgress, this,
                [&] { texts << page.progressBar()->format(); });
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.start();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY2(ended[0][0].toBool(), qPrintable(page.errorText()));
        QVERIFY2(texts.filter(QStringLiteral("Epoch 1 of 3 · validating ")).size() >= 1,
                 qPrintable(texts.join(QLatin1Char('\n'))));
        QVERIFY(texts.filter(QStringLiteral("Epoch 3 of 3 · validating ")).size() >= 1);

        // At the end of every epoch the smoothed curve lies within that epoch's batch losses.
        const auto batches = page.lossPlot()->points(TrainPage::TrainBatchLoss);
        const auto smoothed = page.lossPlot()->points(TrainPage::TrainSmoothedLoss);
        for (int epoch = 1; epoch <= 3; ++epoch) {
            double low = std::numeric_limits<double>::infinity();
            double high = -low;
            for (const QPointF& point : batches) {
                if (point.x() > epoch - 1 + 1e-9 && point.x() <= epoch + 1e-9) {
                    low = std::min(low, point.y());
                    high = std::max(high, point.y());
                }
            }
            const auto end = std::find_if(smoothed.begin(), smoothed.end(), [&](const QPointF& p) {
                return std::abs(p.x() - epoch) < 1e-9;
            });
            QVERIFY(end != smoothed.end());
            QVERIFY2(end->y() >= low - 1e-9 && end->y() <= high + 1e-9,
                     qPrintable(QStringLiteral("epoch %1: %2 not in [%3, %4]")
                                    .arg(epoch)
                                    .arg(end->y())
                                    .arg(low)
                                    .arg(high)));
        }
    }

    void aCachedRunShowsTheCachingAndTestingPhasesAndTheCacheSpeed() {
        // Feature extraction without augmentation: the frozen backbone's outputs are cached.
        // A test split makes the run end with a test.
        TinyProject tiny(m_dataset, 2);
        auto config = tstudio::training::withRecommendedRecipe(
            tiny.project.config(), tstudio::training::TrainMode::Feature);
        config.augment = false;
        config.epochs = 2;
        config.split = {/*train=*/0.6, /*val=*/0.2, /*test=*/0.2};
        tiny.project.setConfig(config);
        TrainPage page(&tiny.project);
        QStringList texts;
        connect(page.session(), &TrainingSession::phaseProgress, this,
                [&] { texts << page.progressBar()->format(); });
        QSignalSpy ended(&page, &TrainPage::runEnded);
        page.start();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY2(ended[0][0].toBool(), qPrintable(page.errorText()));
        QVERIFY2(!texts.filter(QStringLiteral("Computing features once: ")).isEmpty(),
                 qPrintable(texts.join(QLatin1Char('\n')) + page.logText()));
        QVERIFY2(!texts.filter(QStringLiteral("Testing ")).isEmpty(),
                 qPrintable(texts.join(QLatin1Char('\n'))));
        QVERIFY2(page.summaryText().contains(QStringLiteral("cached features/s")),
                 qPrintable(page.summaryText()));
        QVERIFY2(page.summaryText().contains(QStringLiteral("features computed at")),
                 qPrintable(page.summaryText()));
    }

    void problemsAreShownNotStarted() {
        QTemporaryDir runs;
        ProjectState project;
        TrainPage page(&project);
        QSignalSpy started(&page, &TrainPage::runStarted);
        page.start(); // no dataset
        QVERIFY(page.errorText().contains(QStringLiteral("dataset")));
        QVERIFY(!page.isRunning());

        project.setDataset(m_dataset);
        auto config = tinyConfig(runs.path(), 1);
        config.device = "cuda:7";
        project.setConfig(config);
        page.start();
        QVERIFY2(page.errorText().contains(QStringLiteral("not available")),
                 qPrintable(page.errorText()));

        config.device = "cpu";
        config.fromScratch = false;
        config.weights = runs.filePath(QStringLiteral("missing.pth")).toStdString();
        project.setConfig(config);
        page.start();
        QVERIFY(page.errorText().contains(QStringLiteral("missing.pth")));
        QCOMPARE(started.count(), 0);
    }

    void engineErrorsAreShownClearly() {
        runWithBadWeights([](TrainPage& page, ProjectState& project, const QString& bad) {
            QVERIFY2(page.errorText().startsWith(QStringLiteral("Training failed")),
                     qPrintable(page.errorText()));
            // The translatable explanation of the kind first, then core's words naming the file.
            QVERIFY2(page.errorText().contains(
                         tstudio::ui::failureAdvice(tstudio::ErrorKind::BadWeights)),
                     qPrintable(page.errorText()));
            QVERIFY(page.errorText().contains(QFileInfo(bad).fileName()));
            QVERIFY(!project.isTraining());
            QVERIFY(page.startButton()->isEnabled());
        });
    }

    void engineErrorsAreShownInGerman() {
        // With the German translation installed, core's own words reach the page in German too,
        // not only the explanation of their kind.
        QTranslator german;
        QVERIFY(german.load(QStringLiteral("transfer-studio_de"), QStringLiteral(TSTUDIO_QM_DIR)));
        QVERIFY(QCoreApplication::installTranslator(&german));
        runWithBadWeights([](TrainPage& page, ProjectState&, const QString& bad) {
            const QString detail =
                QStringLiteral("Die Gewichte aus %1 lassen sich nicht lesen: Dies "
                               "ist keine Gewichtsdatei, die dieses Programm kennt")
                    .arg(bad);
            QVERIFY2(page.errorText().contains(detail), qPrintable(page.errorText()));
            QVERIFY2(!page.errorText().contains(QStringLiteral("Cannot read")),
                     qPrintable(page.errorText()));
        });
        QCoreApplication::removeTranslator(&german);
    }

    void lrFinderPlotsAndSetsTheChosenRate() {
        TinyProject tiny(m_dataset, 1);
        auto& project = tiny.project;
        TrainPage page(&project);
        tstudio::training::LrFinderOptions options;
        options.steps = 24; // enough for a curve; the engine's 100 take minutes on a busy CPU
        options.divergeFactor = 1e9;
        page.setLrFinderOptions(options);
        QSignalSpy ended(&page, &TrainPage::lrFinderEnded);
        page.settings()->findLrButton()->click();
        QVERIFY(page.isRunning());
        QVERIFY(!project.isTraining()); // the finder changes nothing the Model page shows
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kRunTimeoutMs);
        QVERIFY2(ended[0][0].toBool(), qPrintable(page.errorText()));
        auto* view = page.lrFinderView();
        QCOMPARE(view->plot()->pointCount(0), options.steps);
        QVERIFY(view->pickedLr() > 0.0);
        view->pick(view->pickedLr() * 10.0);
        const double picked = view->pickedLr();
        view->useButton()->click();
        QCOMPARE(project.config().optimizer.lr, picked);
        QCOMPARE(page.settings()->learningRate()->value(), picked);
    }
};

// A run on several processes starts this program again as its helper ranks (as the window does
// with its own executable), so main() hands them to the engine before any widget exists.
int main(int argc, char** argv) {
    if (const auto job = tstudio::training::helperRankJob(argc, argv)) {
        return tstudio::training::runHelperRank(*job);
    }
    QApplication app(argc, argv);
    TestTrainPage test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_train_page.moc"
