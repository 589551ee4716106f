#pragma once

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include "core/data/dataset.h"
#include "core/training/trainer.h"
#include "core/training/training_config.h"
#include "core/training/training_events.h"

namespace tstudio::ui {

/**
 * Runs training::train() and training::findLearningRate() on its own thread (move it to a
 * QThread). Commands come in through queued calls of run() / findLearningRate(); the core's
 * observer callbacks leave as queued signals; stop and pause are atomic flags (TrainingControl)
 * that take effect within one batch. Every job ends with exactly one of finished(),
 * lrFound(), failed() or cancelled(), each tagged with the job id the caller chose.
 */
class TrainingWorker final : public QObject {
    Q_OBJECT

public:
    explicit TrainingWorker(QObject* parent = nullptr);
    ~TrainingWorker() override;

    /** Thread-safe: the running job stops after its current batch. */
    void requestStop();
    /** Thread-safe: a paused run waits between batches until resumed (or stopped). */
    void setPaused(bool paused);
    bool isPaused() const { return m_control.pause.load(); }

    /** Any thread, before queueing run() or findLearningRate(): clears the stop and pause
        flags and marks a job as coming, so waitUntilIdle() waits for it and a stop requested
        before the job starts still counts. */
    void prepareJob();
    /** Any thread but the worker's: blocks until no job runs (or msecs pass); true if idle.
        The job's signals are posted by then. */
    bool waitUntilIdle(unsigned long msecs);

public Q_SLOTS:
    void run(int job, const tstudio::training::TrainingConfig& config,
             const tstudio::data::Dataset& dataset, bool resume);
    void findLearningRate(int job, const tstudio::training::TrainingConfig& config,
                          const tstudio::data::Dataset& dataset,
                          const tstudio::training::LrFinderOptions& options);

Q_SIGNALS:
    void logLine(int job, const QString& line);
    void batchProgress(int job, const tstudio::training::BatchProgress& progress);
    void epochFinished(int job, const tstudio::training::EpochMetrics& metrics);
    void lrProgress(int job, int step, int steps);
    void finished(int job, const tstudio::training::TrainingSummary& summary);
    void lrFound(int job, const tstudio::training::LrFinderResult& result);
    void failed(int job, const QString& message);
    void cancelled(int job);

private:
    void markIdle();

    training::TrainingControl m_control;
    QMutex m_mutex;
    QWaitCondition m_idle;
    bool m_busy = false;
};

} // namespace tstudio::ui
