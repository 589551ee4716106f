#pragma once

#include <memory>

#include <QObject>
#include <QString>

#include "core/data/dataset.h"
#include "core/training/trainer.h"
#include "core/training/training_config.h"
#include "core/training/training_events.h"

namespace tstudio::ui {

class TrainingWorker;
class WorkerThread;

/**
 * Owns the training thread and its TrainingWorker, and the bookkeeping of a run: the job id that
 * tells this job's reports from a stopped one's, start / pause / stop, the run folder, and the
 * stopped run that can be continued (remembered across restarts). The Train page is its view;
 * the window asks it to stop when it closes and quits once ended() says the run wrote its files.
 * Lives on the GUI thread and never blocks it: every report arrives as a queued signal.
 */
class TrainingSession final : public QObject {
    Q_OBJECT

public:
    enum class Job { None, Training, LrFinder };
    Q_ENUM(Job)

    explicit TrainingSession(QObject* parent = nullptr);
    /**
     * Never waits: a job still running is asked to stop and left to end on its own thread (see
     * WorkerThread, also for the one wait, at exit). The window never gets here during a run:
     * it closes only after ended().
     */
    ~TrainingSession() override;

    Job job() const { return m_job; }
    bool isRunning() const { return m_job != Job::None; }
    bool isPaused() const { return m_paused; }
    /** A stop was requested and the job has not ended yet. */
    bool isStopping() const { return m_stopRequested; }
    /** The folder of the current or last run. */
    QString runDir() const { return m_runDir; }
    /** The folder of the run a stop left unfinished (remembered across restarts), or empty. */
    QString resumableRun() const { return m_resumableRun; }

    /** Why a job with config on dataset cannot start now (translated), or empty. */
    QString checkCanStart(const training::TrainingConfig& config,
                          const data::Dataset& dataset) const;
    /**
     * Starts a run in a new folder of config's runs folder; returns why not, or empty. With
     * processes > 1 the run is data-parallel on this computer: this process is rank 0 and starts
     * the others (training::trainOnLocalProcesses), one GPU each on CUDA.
     */
    QString startRun(const training::TrainingConfig& config, const data::Dataset& dataset,
                     int processes = 1);
    /** Continues resumableRun() from its checkpoint, in its own folder, on any number of
        processes; returns why not. */
    QString continueRun(const training::TrainingConfig& config, const data::Dataset& dataset,
                        int processes = 1);
    /** The processes the current or last run trains on; above 1 it cannot pause. */
    int runProcesses() const { return m_runProcesses; }
    /** Starts the learning-rate range test; returns why not, or empty. */
    QString findLearningRate(const training::TrainingConfig& config, const data::Dataset& dataset,
                             const training::LrFinderOptions& options);

    /** A paused run holds between batches (and caching / validation steps) until resumed. */
    void setPaused(bool paused);
    /** Asks the running job to stop after its current batch; returns at once. */
    void stop();

Q_SIGNALS:
    /** A run (not the LR finder) started; resumed when it continues a stopped run. */
    void runStarted(const QString& runDir, bool resumed);
    void lrFinderStarted();
    void logLine(const QString& line);
    void batchProgress(const tstudio::training::BatchProgress& progress);
    void phaseProgress(const tstudio::training::PhaseProgress& progress);
    void epochFinished(const tstudio::training::EpochMetrics& metrics);
    void lrProgress(int step, int steps);
    /** A run ended with a bundle (finished, early-stopped or stopped after an epoch). */
    void runFinished(const tstudio::training::TrainingSummary& summary);
    void lrFound(const tstudio::training::LrFinderResult& result);
    void failed(const QString& message);
    /** Stopped before anything was kept (a run before its first epoch, or the LR finder). */
    void cancelled();
    /** After the ending signal of every job: nothing runs any more. */
    void ended(tstudio::ui::TrainingSession::Job job);
    void stateChanged();

private:
    int beginJob(Job job);
    void beginRun(training::TrainingConfig config, const data::Dataset& dataset,
                  const QString& runDir, bool resume, int processes);
    void endJob();
    void setResumableRun(const QString& runDir);

    TrainingWorker* m_worker = nullptr; ///< lives on m_thread, which deletes it as it ends
    std::unique_ptr<WorkerThread> m_thread;
    Job m_job = Job::None;
    int m_jobId = 0;
    bool m_paused = false;
    bool m_stopRequested = false;
    int m_runProcesses = 1;
    bool m_resuming = false; ///< the current or last run continued a stopped one
    QString m_runDir;
    QString m_resumableRun;
};

} // namespace tstudio::ui
