#include "ui/train/training_session.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include "core/common/devices.h"
#include "core/models/registry.h"
#include "core/weights/hub_cache.h"
#include "ui/common/failure_message.h"
#include "ui/common/settings_keys.h"
#include "ui/common/worker_thread.h"
#include "ui/train/training_settings.h"
#include "ui/train/training_worker.h"

namespace tstudio::ui {

namespace {
bool hasCheckpoint(const QString& runDir) {
    return !runDir.isEmpty() && QFileInfo::exists(QString::fromStdString(
                                    training::checkpointFile(runDir.toStdString()).string()));
}

bool deviceAvailable(const std::string& device) {
    const auto devices = availableDevices();
    if (device == "cuda") {
        return devices.size() > 1;
    }
    return std::find(devices.begin(), devices.end(), device) != devices.end();
}
} // namespace

TrainingSession::TrainingSession(QObject* parent) : QObject(parent) {
    m_worker = new TrainingWorker;
    m_thread = std::make_unique<WorkerThread>(m_worker, QStringLiteral("training-worker"));
    // Reports of a job that was stopped and replaced carry an older id: they are dropped here,
    // so the view only ever hears about the current job.
    connect(m_worker, &TrainingWorker::logLine, this, [this](int job, const QString& line) {
        if (job == m_jobId) {
            Q_EMIT logLine(line);
        }
    });
    connect(m_worker, &TrainingWorker::batchProgress, this,
            [this](int job, const training::BatchProgress& progress) {
                if (job == m_jobId) {
                    Q_EMIT batchProgress(progress);
                }
            });
    connect(m_worker, &TrainingWorker::phaseProgress, this,
            [this](int job, const training::PhaseProgress& progress) {
                if (job == m_jobId) {
                    Q_EMIT phaseProgress(progress);
                }
            });
    connect(m_worker, &TrainingWorker::epochFinished, this,
            [this](int job, const training::EpochMetrics& metrics) {
                if (job == m_jobId) {
                    Q_EMIT epochFinished(metrics);
                }
            });
    connect(m_worker, &TrainingWorker::lrProgress, this, [this](int job, int step, int steps) {
        if (job == m_jobId) {
            Q_EMIT lrProgress(step, steps);
        }
    });
    connect(m_worker, &TrainingWorker::finished, this,
            [this](int job, const training::TrainingSummary& summary) {
                if (job != m_jobId) {
                    return;
                }
                const Job endedJob = m_job;
                if (summary.bundle.empty()) {
                    // Stopped before any epoch finished: the engine kept nothing, as when it
                    // was cancelled. A continued run keeps the checkpoint it started from.
                    setResumableRun(hasCheckpoint(m_runDir) ? m_runDir : QString());
                    endJob();
                    Q_EMIT cancelled();
                } else {
                    // Stopped by the person before its last epoch: the checkpoint carries it on.
                    const bool userStopped =
                        summary.stoppedEarly && summary.stopReason != "early stopping";
                    setResumableRun(userStopped && hasCheckpoint(m_runDir) ? m_runDir : QString());
                    endJob();
                    Q_EMIT runFinished(summary);
                }
                Q_EMIT ended(endedJob);
            });
    connect(m_worker, &TrainingWorker::lrFound, this,
            [this](int job, const training::LrFinderResult& result) {
                if (job != m_jobId) {
                    return;
                }
                endJob();
                Q_EMIT lrFound(result);
                Q_EMIT ended(Job::LrFinder);
            });
    connect(m_worker, &TrainingWorker::failed, this, [this](int job, const QString& message) {
        if (job != m_jobId) {
            return;
        }
        const Job endedJob = m_job;
        // A continued run that failed (other settings, a helper that could not start) leaves
        // its checkpoint as it was: it can still be continued.
        if (endedJob == Job::Training && m_resuming) {
            setResumableRun(hasCheckpoint(m_runDir) ? m_runDir : QString());
        }
        endJob();
        Q_EMIT failed(message);
        Q_EMIT ended(endedJob);
    });
    connect(m_worker, &TrainingWorker::cancelled, this, [this](int job) {
        if (job != m_jobId) {
            return;
        }
        const Job endedJob = m_job;
        if (endedJob == Job::Training) {
            setResumableRun(hasCheckpoint(m_runDir) ? m_runDir : QString());
        }
        endJob();
        Q_EMIT cancelled();
        Q_EMIT ended(endedJob);
    });
    // A remembered run whose folder or checkpoint has gone since is not offered.
    const QString remembered = QSettings().value(settings_keys::resumableRun()).toString();
    m_resumableRun = hasCheckpoint(remembered) ? remembered : QString();
}

TrainingSession::~TrainingSession() {
    m_worker->requestStop(); // m_thread then lets the worker end on its own
}

QString TrainingSession::checkCanStart(const training::TrainingConfig& config,
                                       const data::Dataset& dataset) const {
    if (isRunning()) {
        return tr("A run is already in progress: stop it first.");
    }
    if (dataset.classes().size() < 2 || dataset.size() == 0) {
        return tr("Training needs a dataset with at least two classes: open one on the Data "
                  "page first.");
    }
    if (!deviceAvailable(config.device)) {
        return tr("The device “%1” is not available on this computer (no CUDA device was "
                  "found): choose “cpu”.")
            .arg(QString::fromStdString(config.device));
    }
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    if (info == nullptr) {
        return tr("Unknown backbone “%1”: choose one on the Model page.")
            .arg(QString::fromStdString(config.arch));
    }
    if (!config.fromScratch) {
        if (!config.weights.empty()) {
            if (!QFileInfo::exists(QString::fromStdString(config.weights.string()))) {
                return tr("The weights file %1 does not exist: choose another one on the Model "
                          "page, or use the official weights.")
                    .arg(QString::fromStdString(config.weights.string()));
            }
        } else if (!weights::cachedOfficialWeights(*info)) {
            return tr("The official ImageNet weights of %1 are not downloaded yet: download "
                      "them on the Model page, choose a local file, or train from scratch.")
                .arg(QString::fromStdString(info->displayName));
        }
    }
    return {};
}

QString TrainingSession::startRun(const training::TrainingConfig& config,
                                  const data::Dataset& dataset, int processes) {
    const QString problem = checkCanStart(config, dataset);
    if (!problem.isEmpty()) {
        return problem;
    }
    // Every run gets a folder of its own inside the runs folder, named by backbone and time.
    const QString runs = config.outDir.empty() ? TrainingSettings::defaultRunsFolder()
                                               : QString::fromStdString(config.outDir.string());
    const QString arch = QString::fromStdString(config.arch);
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString runDir = QDir(runs).filePath(arch + QLatin1Char('-') + stamp);
    for (int n = 2; QFileInfo::exists(runDir); ++n) {
        runDir = QDir(runs).filePath(QStringLiteral("%1-%2-%3").arg(arch, stamp).arg(n));
    }
    if (!QDir().mkpath(runDir)) {
        return tr("Cannot create the run folder %1: choose another runs folder.").arg(runDir);
    }
    beginRun(config, dataset, runDir, /*resume=*/false, processes);
    return {};
}

QString TrainingSession::continueRun(const training::TrainingConfig& config,
                                     const data::Dataset& dataset, int processes) {
    if (isRunning()) {
        return tr("A run is already in progress: stop it first.");
    }
    const QString runDir = m_resumableRun;
    if (!hasCheckpoint(runDir)) {
        setResumableRun(QString());
        return tr("There is no stopped run to continue: its folder or checkpoint is gone.");
    }
    const QString problem = checkCanStart(config, dataset);
    if (!problem.isEmpty()) {
        return problem;
    }
    // A step of the stopped run took its batch times its processes; on another number of
    // processes each takes its share of that, so the run goes on as it began (the engine refuses
    // any other batch per step).
    const auto stepBatch = training::checkpointStepBatch(runDir.toStdString());
    if (!stepBatch) {
        return failureMessage(stepBatch.error());
    }
    processes = std::max(1, processes);
    if (*stepBatch % processes != 0) {
        return tr("A step of the stopped run took %1 images, which %2 processes cannot share "
                  "evenly: continue it on a number of processes that divides %1.")
            .arg(*stepBatch)
            .arg(processes);
    }
    training::TrainingConfig resumed = config;
    resumed.batchSize = *stepBatch / processes;
    beginRun(resumed, dataset, runDir, /*resume=*/true, processes);
    return {};
}

void TrainingSession::beginRun(training::TrainingConfig config, const data::Dataset& dataset,
                               const QString& runDir, bool resume, int processes) {
    config.outDir = runDir.toStdString();
    m_runProcesses = std::max(1, processes);
    m_resuming = resume;
    if (m_runProcesses > 1 && config.device.rfind("cuda", 0) == 0) {
        config.device = "cuda"; // each rank its own GPU, cuda:<local rank>
    }
    m_runDir = runDir;
    // Until this run ends, it is the one a stop leaves to continue.
    setResumableRun(QString());
    const int job = beginJob(Job::Training);
    Q_EMIT runStarted(runDir, resume);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job, config, resume, dataset, processes = m_runProcesses] {
            worker->run(job, config, dataset, resume, processes);
        },
        Qt::QueuedConnection);
}

QString TrainingSession::findLearningRate(const training::TrainingConfig& config,
                                          const data::Dataset& dataset,
                                          const training::LrFinderOptions& options) {
    const QString problem = checkCanStart(config, dataset);
    if (!problem.isEmpty()) {
        return problem;
    }
    const int job = beginJob(Job::LrFinder);
    Q_EMIT lrFinderStarted();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, job, config, dataset, options] {
            worker->findLearningRate(job, config, dataset, options);
        },
        Qt::QueuedConnection);
    return {};
}

int TrainingSession::beginJob(Job job) {
    m_job = job;
    ++m_jobId;
    m_paused = false;
    m_stopRequested = false;
    m_worker->prepareJob();
    Q_EMIT stateChanged();
    return m_jobId;
}

void TrainingSession::endJob() {
    m_job = Job::None;
    m_paused = false;
    m_stopRequested = false;
    Q_EMIT stateChanged();
}

void TrainingSession::setPaused(bool paused) {
    if (m_job != Job::Training || m_stopRequested || paused == m_paused) {
        return;
    }
    m_paused = paused;
    m_worker->setPaused(paused);
    Q_EMIT stateChanged();
}

void TrainingSession::stop() {
    if (!isRunning() || m_stopRequested) {
        return;
    }
    m_stopRequested = true;
    m_paused = false;
    m_worker->requestStop();
    Q_EMIT stateChanged();
}

void TrainingSession::setResumableRun(const QString& runDir) {
    m_resumableRun = runDir;
    // Remembered across restarts: closing the window during a run stops it, and the next start
    // can continue it.
    QSettings settings;
    if (runDir.isEmpty()) {
        settings.remove(settings_keys::resumableRun());
    } else {
        settings.setValue(settings_keys::resumableRun(), runDir);
    }
    Q_EMIT stateChanged();
}

} // namespace tstudio::ui
