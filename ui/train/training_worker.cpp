#include "ui/train/training_worker.h"

#include <exception>

#include <QCoreApplication>

#include "core/common/threads.h"
#include "core/training/local_data_parallel.h"
#include "ui/common/failure_message.h"

namespace tstudio::ui {

namespace {
/** Turns the core's callbacks into the worker's queued signals. */
class SignalObserver final : public training::TrainingObserver {
public:
    SignalObserver(TrainingWorker* worker, int job) : m_worker(worker), m_job(job) {}

    void log(const std::string& line) override {
        Q_EMIT m_worker->logLine(m_job, QString::fromStdString(line));
    }
    void batch(const training::BatchProgress& progress) override {
        Q_EMIT m_worker->batchProgress(m_job, progress);
    }
    void epoch(const training::EpochMetrics& metrics) override {
        Q_EMIT m_worker->epochFinished(m_job, metrics);
    }
    void phase(const training::PhaseProgress& progress) override {
        Q_EMIT m_worker->phaseProgress(m_job, progress);
    }

private:
    TrainingWorker* m_worker;
    int m_job;
};
} // namespace

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent) {}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::requestStop() {
    m_control.stop.store(true);
    m_control.pause.store(false);
}

void TrainingWorker::setPaused(bool paused) {
    m_control.pause.store(paused);
}

void TrainingWorker::prepareJob() {
    m_control.stop.store(false);
    m_control.pause.store(false);
}

void TrainingWorker::run(int job, const training::TrainingConfig& config,
                         const data::Dataset& dataset, bool resume, int processes) {
    // The worker's entry point holds the only catch: whatever escapes core becomes failed().
    try {
        useAllCores();
        SignalObserver observer(this, job);
        training::LocalProcesses local;
        local.processes = processes;
        local.program = QCoreApplication::applicationFilePath().toStdString();
        auto summary =
            training::trainOnLocalProcesses(config, dataset, observer, m_control, local, resume);
        if (summary) {
            Q_EMIT finished(job, *summary);
        } else if (m_control.stop.load()) {
            // Stopped before the first epoch ended: nothing worth a bundle was made.
            Q_EMIT logLine(job, translatedError(summary.message()));
            Q_EMIT cancelled(job);
        } else {
            Q_EMIT failed(job, failureMessage(summary.error()));
        }
    } catch (const std::exception& e) {
        Q_EMIT failed(
            job, tr("Training stopped by an internal error: %1").arg(QString::fromUtf8(e.what())));
    }
}

void TrainingWorker::findLearningRate(int job, const training::TrainingConfig& config,
                                      const data::Dataset& dataset,
                                      const training::LrFinderOptions& options) {
    try {
        useAllCores();
        auto result = training::findLearningRate(
            config, dataset, options, m_control,
            [this, job](int step, int steps) { Q_EMIT lrProgress(job, step, steps); });
        if (result) {
            Q_EMIT lrFound(job, *result);
        } else if (m_control.stop.load()) {
            Q_EMIT cancelled(job);
        } else {
            Q_EMIT failed(job, failureMessage(result.error()));
        }
    } catch (const std::exception& e) {
        Q_EMIT failed(job, tr("The learning-rate finder stopped by an internal error: %1")
                               .arg(QString::fromUtf8(e.what())));
    }
}

} // namespace tstudio::ui
