#pragma once

#include <QObject>
#include <QString>

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
        flags, so a stop requested after this but before the job starts still counts. */
    void prepareJob();

public Q_SLOTS:
    /** processes > 1: data-parallel on this computer, this program starting the other ranks
        (its main() must hand training::kHelperRankArgument to training::runHelperRank). */
    void run(int job, const tstudio::training::TrainingConfig& config,
             const tstudio::data::Dataset& dataset, bool resume, int processes = 1);
    void findLearningRate(int job, const tstudio::training::TrainingConfig& config,
                          const tstudio::data::Dataset& dataset,
                          const tstudio::training::LrFinderOptions& options);

Q_SIGNALS:
    void logLine(int job, const QString& line);
    void batchProgress(int job, const tstudio::training::BatchProgress& progress);
    void epochFinished(int job, const tstudio::training::EpochMetrics& metrics);
    /** Caching, validating or testing: once per batch of that work. */
    void phaseProgress(int job, const tstudio::training::PhaseProgress& progress);
    void lrProgress(int job, int step, int steps);
    void finished(int job, const tstudio::training::TrainingSummary& summary);
    void lrFound(int job, const tstudio::training::LrFinderResult& result);
    void failed(int job, const QString& message);
    void cancelled(int job);

private:
    training::TrainingControl m_control;
};

} // namespace tstudio::ui
