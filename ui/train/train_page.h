#pragma once

#include <QString>
#include <QThread>
#include <QWidget>

#include "core/training/trainer.h"
#include "core/training/training_events.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace tstudio::ui {

class LivePlot;
class LrFinderView;
class ProjectState;
class TrainingSettings;
class TrainingWorker;

/**
 * The Train page: the training settings, Start / Pause / Stop, live plots of loss, accuracy and
 * learning rate, progress with throughput and ETA, the run's log, and the learning-rate finder.
 * train() runs on a TrainingWorker in its own thread; the GUI thread never waits on it except
 * in stopAndWait(), which the window calls when it closes during a run.
 */
class TrainPage final : public QWidget {
    Q_OBJECT

public:
    explicit TrainPage(ProjectState* project, QWidget* parent = nullptr);
    /** Stops a running job and waits for it. */
    ~TrainPage() override;

    /** A training run or LR finder is running (or paused). */
    bool isRunning() const { return m_job != Job::None; }
    bool isPaused() const { return m_paused; }
    /**
     * Stops the running job after its current batch and blocks until it has ended and its
     * results (bundle, summary) are handled. True when nothing runs any more; false if msecs
     * passed first.
     */
    bool stopAndWait(unsigned long msecs = 60000);

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
    QString resumableRun() const { return m_resumableRun; }
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
    enum class Job { None, Training, LrFinder };

    QString checkCanStart() const;
    int beginJob(Job job);
    void beginRun(const QString& runDir, bool resume);
    void clearRunViews();
    void plotEpoch(const training::EpochMetrics& metrics);
    void plotSavedEpochs(const QString& runDir);
    void setResumableRun(const QString& runDir);
    void endJob();
    void showError(const QString& message);
    void appendLog(const QString& line);
    void updateButtons();
    void onBatch(int job, const training::BatchProgress& progress);
    void onEpoch(int job, const training::EpochMetrics& metrics);
    void onFinished(int job, const training::TrainingSummary& summary);
    void onFailed(int job, const QString& message);
    void onCancelled(int job);
    void onLrFound(int job, const training::LrFinderResult& result);

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
    QString m_runDir;       ///< of the current or last run
    QString m_resumableRun; ///< see resumableRun()

    QThread m_thread;
    TrainingWorker* m_worker = nullptr; ///< lives on m_thread; deleted after it stops
    Job m_job = Job::None;
    int m_jobId = 0;
    bool m_paused = false;
    bool m_stopRequested = false;
    double m_smoothedLoss = 0.0;
    int m_smoothedCount = 0;
    int m_plottedEpochs = 0;
    training::LrFinderOptions m_lrOptions;
};

} // namespace tstudio::ui
