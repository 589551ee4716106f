#pragma once

#include <QString>
#include <QWidget>

#include "core/training/trainer.h"
#include "core/training/training_events.h"
#include "ui/train/loss_smoother.h"

class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QTabWidget;

namespace tstudio::ui {

class LivePlot;
class LrFinderView;
class ProjectState;
class TrainingSession;
class TrainingSettings;

/**
 * The Train page: the training settings, Start / Pause / Stop, live plots of loss, accuracy and
 * learning rate, progress (with the caching, validating and testing phases) with throughput and
 * ETA, the run's log, and the learning-rate finder. It is the view of a TrainingSession, which
 * runs the jobs on its own thread; the GUI thread never waits on them.
 */
class TrainPage final : public QWidget {
    Q_OBJECT

public:
    explicit TrainPage(ProjectState* project, QWidget* parent = nullptr);
    ~TrainPage() override;

    TrainingSession* session() const { return m_session; }
    /** A training run or LR finder is running (or paused). */
    bool isRunning() const;
    bool isPaused() const;

    /** The range test's sweep (start, end, steps); the engine's defaults unless set. */
    void setLrFinderOptions(const training::LrFinderOptions& options) { m_lrOptions = options; }

    LivePlot* lossPlot() const { return m_lossPlot; }
    LivePlot* accuracyPlot() const { return m_accuracyPlot; }
    LivePlot* learningRatePlot() const { return m_lrPlot; }
    LrFinderView* lrFinderView() const { return m_lrFinder; }
    TrainingSettings* settings() const { return m_settings; }
    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* continueButton() const { return m_continue; }
    /** The folder of the run a stop left unfinished (remembered across restarts), or empty. */
    QString resumableRun() const;
    QString errorText() const;
    QString summaryText() const;
    QString logText() const;

    /** Series ids of the plots (for tests and readers of the plots). */
    enum LossSeries { TrainBatchLoss, TrainSmoothedLoss, TrainEpochLoss, ValEpochLoss };
    enum AccuracySeries { TrainAccuracy, ValAccuracy };

public Q_SLOTS:
    /** Starts a run with the project's dataset and config; shows why when it cannot. */
    void start();
    void togglePause();
    /** Asks the running job to stop after its current batch; returns at once. */
    void stop();
    /** Continues the run a stop left unfinished from its checkpoint, in its own folder. */
    void continueRun();
    void findLearningRate();

Q_SIGNALS:
    void runStarted();
    /** A training run ended: ok when it finished (a bundle was written). */
    void runEnded(bool ok);
    void lrFinderEnded(bool ok);
    void statusMessage(const QString& message);

private:
    /** The training settings, scrollable: the left column. */
    QScrollArea* buildSettingsScroll();
    /** The right column: error, controls, summary, then the plots over the log. */
    QWidget* buildRunPanel();
    QTabWidget* buildPlots();
    /** Start, Pause, Stop, Continue Run, the progress and the speed. */
    QHBoxLayout* buildControls();
    void connectControls();
    /** The session's reports drive the page. */
    void connectSession();
    void onRunStarted(const QString& runDir, bool resumed);
    void clearRunViews();
    void plotEpoch(const training::EpochMetrics& metrics);
    void plotSavedEpochs(const QString& runDir);
    void showError(const QString& message);
    void appendLog(const QString& line);
    void updateButtons();
    /** Shows text on the progress bar, after "Paused ·" while paused, unless a stop is shown. */
    void setProgressText(const QString& text);
    void onBatch(const training::BatchProgress& progress);
    void onPhase(const training::PhaseProgress& progress);
    void onFinished(const training::TrainingSummary& summary);
    void onFailed(const QString& message);
    void onCancelled();
    void onLrFound(const training::LrFinderResult& result);

    ProjectState* m_project;
    TrainingSettings* m_settings = nullptr;
    QTabWidget* m_plots = nullptr;
    LivePlot* m_lossPlot = nullptr;
    LivePlot* m_accuracyPlot = nullptr;
    LivePlot* m_lrPlot = nullptr;
    LrFinderView* m_lrFinder = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_speed = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_summary = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_continue = nullptr;
    TrainingSession* m_session = nullptr;
    LossSmoother m_smoother;
    QString m_progressText; ///< what the progress bar says, "Paused ·" left out
    int m_plottedEpochs = 0;
    int m_epochs = 0;           ///< of the run, as its last batch report said
    bool m_trainingJob = false; ///< the current or last job is a run, not the LR finder
    training::LrFinderOptions m_lrOptions;
};

} // namespace tstudio::ui
