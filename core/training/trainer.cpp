// train(): stage -> epoch -> validate -> record -> checkpoint, over a TrainingRun.

#include "core/training/trainer.h"

#include <cmath>
#include <limits>

#include "core/training/data_parallel_training.h"
#include "core/training/epoch_order.h"
#include "core/training/training_guard.h"
#include "core/training/training_messages.h"
#include "core/training/training_run.h"

namespace tstudio::training {

namespace fs = std::filesystem;

namespace {

constexpr auto kReportInterval = std::chrono::milliseconds(250);

/** The template for a validation loss that is not finite; NaN and infinite each have one. */
const char* notFiniteMessage(double value) {
    return std::isnan(value) ? text::kValidationNaN : text::kValidationInfinite;
}

} // namespace

Status TrainingRun::resumeFromCheckpoint(bool resume) {
    const fs::path path = m_config.outDir.empty() ? fs::path() : checkpointFile(m_config.outDir);
    if (!resume) {
        return success();
    }
    if (path.empty() || !fs::exists(path)) {
        // Starting afresh would silently redo (and overwrite) what the caller meant to continue.
        return failure(fillMessage(text::kNothingToResume, {m_config.outDir.string()}));
    }
    auto checkpoint = readCheckpoint(path);
    if (!checkpoint) {
        return failure(checkpoint.message());
    }
    if (checkpoint->config != checkpointConfig()) {
        return failure(fillMessage(text::kOtherSettings, {m_config.outDir.string()}));
    }
    if (auto status = restoreRunState(m_state, checkpoint->state); !status) {
        return failure(fillMessage(text::kCheckpointDamaged, {path.string(), status.message()}));
    }
    if (m_state.stageIndex >= m_stages.size()) {
        return failure(fillMessage(text::kUnknownStage, {path.string()}));
    }
    restore(checkpoint->model);
    m_bestWeights = checkpoint->best;
    if (m_state.stageEnded || m_state.stageEpochsDone >= m_stages[m_state.stageIndex].epochs) {
        // That stage is complete: continue with the next one, counting early stopping afresh.
        ++m_state.stageIndex;
        m_state.stageEpochsDone = 0;
        m_state.stageEnded = false;
        m_state.early.reset();
    } else {
        m_resumeCheckpoint = std::move(*checkpoint);
    }
    m_log("Resuming from " + path.string() + " after epoch " +
          std::to_string(m_state.history.size()) + ".");
    return success();
}

Result<TrainingSummary> TrainingRun::train(bool resume) {
    m_runStart = Clock::now();
    if (auto status = resumeFromCheckpoint(resume); !status) {
        return status.error();
    }
    bool stopped = false;
    bool earlyStopped = false;
    for (std::size_t stageIndex = m_state.stageIndex; stageIndex < m_stages.size() && !stopped;
         ++stageIndex) {
        auto end = runStage(stageIndex);
        if (!end) {
            return end.error();
        }
        stopped = *end == EpochEnd::Stopped;
        // Early stopping ends its stage, not the run: stage 2 still trains the whole network.
        earlyStopped = earlyStopped || *end == EpochEnd::EarlyStopped;
    }
    return finish(stopped, earlyStopped);
}

Result<TrainingRun::EpochEnd> TrainingRun::runStage(std::size_t stageIndex) {
    const Stage& stage = m_stages[stageIndex];
    if (stage.epochs == 0) {
        return EpochEnd::Continue;
    }
    if (auto status = setupStage(stageIndex); !status) {
        if (m_control.stop) {
            return EpochEnd::Stopped;
        }
        return failure(status.message(), status.errorKind());
    }
    int stageEpoch = 0;
    if (m_resumeCheckpoint && m_state.stageIndex == stageIndex) {
        if (auto status = loadCheckpointOptimizer(*m_resumeCheckpoint, *m_optimizer.optimizer);
            !status) {
            return failure(status.message());
        }
        m_schedule->setPlateau(m_state.plateau);
        stageEpoch = m_state.stageEpochsDone;
        m_resumeCheckpoint.reset();
    } else {
        m_state.early.reset(); // early stopping counts within a stage
    }
    for (; stageEpoch < stage.epochs; ++stageEpoch) {
        auto end = runEpoch(stageIndex, stageEpoch);
        if (!end || *end != EpochEnd::Continue) {
            return end;
        }
    }
    return EpochEnd::Continue;
}

Result<TrainingRun::EpochEnd> TrainingRun::runEpoch(std::size_t stageIndex, int stageEpoch) {
    const Stage& stage = m_stages[stageIndex];
    const int epoch = static_cast<int>(m_state.history.size()) + 1;
    const auto epochStart = Clock::now();
    const double pausedBefore = m_pausedSeconds;
    auto trained = trainEpoch(stage, stageEpoch, epoch);
    if (!trained) {
        return trained.error();
    }
    // Each rank's batch-norm statistics come from its own part of the epoch: their mean (timm's
    // distribute_bn) makes every rank validate, and keep, the same model. Also after a stop,
    // which every rank takes at the same step. A single process has nothing to average.
    if (m_parallel.active()) {
        m_parallel.averageInPlace(m_net->trainingBuffers());
    }
    if (!*trained) {
        m_log("Stopped by the user during epoch " + std::to_string(epoch) +
              "; that epoch is not counted.");
        return EpochEnd::Stopped;
    }
    EpochMetrics metrics = **trained;
    std::optional<EvaluationResult> validation;
    metrics.valLoss = std::numeric_limits<double>::quiet_NaN();
    metrics.valAccuracy = std::numeric_limits<double>::quiet_NaN();
    if (!m_val.empty()) {
        PhaseProgress progress;
        progress.phase = PhaseProgress::Phase::Validating;
        progress.epoch = epoch;
        const auto val = evaluate(m_val, m_valCache ? &*m_valCache : nullptr, progress);
        setTrainingModes(*m_net, m_trainable, stage.freeze, m_cut);
        if (!val) {
            // A partial validation would feed the best epoch, early stopping and the schedule
            // with numbers of another set: the epoch is not counted, as one stopped in training.
            m_log("Stopped by the user while validating epoch " + std::to_string(epoch) +
                  "; that epoch is not counted.");
            return EpochEnd::Stopped;
        }
        if (!std::isfinite(val->loss)) {
            return failure(fillMessage(notFiniteMessage(val->loss), {std::to_string(epoch)}),
                           ErrorKind::NotFinite);
        }
        metrics.valLoss = val->loss;
        metrics.valAccuracy = val->top1;
        metrics.valTop5 = val->top5;
        validation = std::move(*val);
    }
    metrics.seconds = secondsSince(epochStart) - (m_pausedSeconds - pausedBefore);
    return recordEpoch(stageIndex, stageEpoch, metrics, std::move(validation));
}

Result<std::optional<EpochMetrics>> TrainingRun::trainEpoch(const Stage& stage, int stageEpoch,
                                                            int epoch) {
    startTrainEpoch(epoch);
    MetricAccumulator trainMetrics(numClasses(), m_device);
    torch::Tensor lossWindow =
        torch::zeros({}, torch::TensorOptions().device(m_device).dtype(torch::kFloat64));
    std::int64_t windowCount = 0;
    BatchProgress progress;
    progress.stage = stage.number;
    progress.epoch = epoch;
    progress.epochs = m_totalEpochs;
    progress.batches = m_batchesPerEpoch;
    progress.cachedFeatures = m_useCache;
    auto lastReport = Clock::now();
    const auto trainStart = Clock::now();
    const double pausedBefore = m_pausedSeconds;
    double lr = m_schedule->lrAt(stageEpoch, 0);
    while (true) {
        if (!waitWhilePaused()) {
            if (m_trainLoader) {
                m_trainLoader->requestStop();
            }
            return std::optional<EpochMetrics>();
        }
        auto next = nextTrainBatch();
        if (!next) {
            break;
        }
        lr = m_schedule->lrAt(stageEpoch, progress.batch);
        setLearningRate(m_optimizer, lr);
        const StepOutcome outcome =
            trainStep(*next, m_parallel.rankSeed(stepSeed(m_config.seed, epoch, progress.batch)),
                      trainMetrics, lossWindow);
        ++progress.batch;
        if (outcome == StepOutcome::NotFinite) {
            return failure(fillMessage(text::kTrainingNotFinite,
                                       {std::to_string(epoch), std::to_string(progress.batch),
                                        m_config.outDir.string()}),
                           ErrorKind::NotFinite);
        }
        ++m_batchesThisSession;
        windowCount += next->size;
        m_imagesThisSession += next->size;
        if (Clock::now() - lastReport >= kReportInterval || progress.batch >= m_batchesPerEpoch) {
            // A reporting point: the only place the running loss is read during the epoch.
            progress.loss = lossWindow.item<double>() /
                            static_cast<double>(std::max<std::int64_t>(1, windowCount));
            progress.learningRate = lr;
            lossWindow.zero_();
            windowCount = 0;
            lastReport = Clock::now();
            reportBatch(progress, trainMetrics.count(),
                        secondsSince(trainStart) - (m_pausedSeconds - pausedBefore));
        }
    }
    const double trainSeconds = secondsSince(trainStart) - (m_pausedSeconds - pausedBefore);
    m_trainSecondsThisSession += trainSeconds;
    m_parallel.sumMetrics(trainMetrics); // the epoch's figures over every rank's share
    EpochMetrics metrics;
    metrics.stage = stage.number;
    metrics.epoch = epoch;
    metrics.trainLoss = trainMetrics.meanLoss();
    metrics.trainAccuracy = trainMetrics.accuracy();
    metrics.learningRate = lr;
    metrics.trainImagesPerSecond =
        static_cast<double>(trainMetrics.count()) / std::max(1e-9, trainSeconds);
    metrics.cachedFeatures = m_useCache;
    return std::optional<EpochMetrics>(metrics);
}

void TrainingRun::reportBatch(BatchProgress progress, std::int64_t imagesSoFar,
                              double trainSeconds) {
    // Every rank takes the same steps on as many images: the run's speed is W times this one's.
    progress.imagesPerSecond =
        static_cast<double>(imagesSoFar * m_parallel.worldSize()) / std::max(1e-9, trainSeconds);
    const double perBatch = (secondsSince(m_runStart) - m_pausedSeconds) /
                            static_cast<double>(std::max<std::int64_t>(1, m_batchesThisSession));
    const std::int64_t remaining =
        static_cast<std::int64_t>(m_totalEpochs - progress.epoch) * m_batchesPerEpoch +
        (m_batchesPerEpoch - progress.batch);
    progress.etaSeconds = perBatch * static_cast<double>(remaining);
    progress.deviceMemoryBytes = deviceMemoryAllocated(m_device);
    m_observer.batch(progress);
}

Result<TrainingRun::EpochEnd> TrainingRun::recordEpoch(std::size_t stageIndex, int stageEpoch,
                                                       const EpochMetrics& metrics,
                                                       std::optional<EvaluationResult> validation) {
    m_state.history.push_back(metrics);
    m_schedule->endEpoch(metrics.valLoss);
    m_state.plateau = m_schedule->plateau();
    m_state.lastValidation = std::move(validation);
    if (m_state.best.offer(metrics, !m_val.empty())) {
        m_state.bestValidation = m_state.lastValidation;
        if (m_config.keepBest) {
            m_bestWeights = snapshot();
        }
    }
    const bool earlyStop = !m_val.empty() && m_state.early.update(metrics);
    m_state.stageIndex = stageIndex;
    m_state.stageEpochsDone = stageEpoch + 1;
    m_state.stageEnded = earlyStop;
    m_log("Epoch " + std::to_string(metrics.epoch) + "/" + std::to_string(m_totalEpochs) +
          ": train loss " + formatNumber(metrics.trainLoss) + " acc " +
          formatNumber(metrics.trainAccuracy) + ", val loss " + formatNumber(metrics.valLoss) +
          " acc " + formatNumber(metrics.valAccuracy) + ", lr " +
          formatNumber(metrics.learningRate) + ", " + formatNumber(metrics.seconds, 3) + " s, " +
          formatNumber(metrics.trainImagesPerSecond, 4) +
          (metrics.cachedFeatures ? " cached features/s." : " img/s."));
    m_observer.epoch(metrics);
    if (auto status = saveCheckpoint(); !status) {
        return failure(status.message());
    }
    if (earlyStop) {
        const bool lastStage = stageIndex + 1 == m_stages.size();
        m_log("Early stopping: " + m_state.early.reason() +
              (lastStage ? "." : "; stage " + std::to_string(stageIndex + 2) + " follows."));
        return EpochEnd::EarlyStopped;
    }
    return EpochEnd::Continue;
}

Result<TrainingSummary> TrainingRun::finish(bool stopped, bool earlyStopped) {
    TrainingSummary summary;
    summary.history = m_state.history;
    summary.epochsRun = static_cast<int>(m_state.history.size());
    summary.stoppedEarly = stopped || earlyStopped;
    summary.stopReason = stopped ? "stopped by the user" : earlyStopped ? "early stopping" : "";
    summary.cachedFeatures = m_useCache;
    summary.cacheImagesPerSecond =
        m_cacheSeconds > 0.0 ? static_cast<double>(m_cacheImages) / m_cacheSeconds : 0.0;
    if (m_state.history.empty()) {
        releaseDeviceMemory(m_device);
        if (stopped) {
            summary.wallSeconds = secondsSince(m_runStart);
            m_log("Stopped before the first epoch finished: no model written.");
            return summary;
        }
        return failure(text::kNoEpoch);
    }
    const int bestEpoch = m_state.best.epoch();
    if (m_config.keepBest && !m_bestWeights.empty() && bestEpoch != summary.epochsRun) {
        restore(m_bestWeights);
        m_log("Keeping the best epoch's weights (epoch " + std::to_string(bestEpoch) + ").");
    }
    summary.bestEpoch = bestEpoch;
    summary.bestValAccuracy =
        m_val.empty() ? std::numeric_limits<double>::quiet_NaN()
                      : m_state.history[static_cast<std::size_t>(bestEpoch - 1)].valAccuracy;
    if (!m_test.empty() && !stopped) {
        PhaseProgress progress;
        progress.phase = PhaseProgress::Phase::Testing;
        summary.test = evaluate(m_test, nullptr, progress);
        if (summary.test) {
            m_log("Test: loss " + formatNumber(summary.test->loss) + ", top-1 " +
                  formatNumber(summary.test->top1) + " on " + std::to_string(summary.test->count) +
                  " images.");
        } else {
            summary.stoppedEarly = true;
            summary.stopReason = "stopped by the user";
            m_log("Stopped by the user while testing: the bundle has no test result.");
        }
    }
    summary.trainImagesPerSecond =
        m_trainSecondsThisSession > 0.0
            ? static_cast<double>(m_imagesThisSession * m_parallel.worldSize()) /
                  m_trainSecondsThisSession
            : 0.0;
    if (m_parallel.active()) {
        std::vector<torch::Tensor> state;
        for (const auto& [name, t] : m_net->stateDict()) {
            state.push_back(t);
        }
        if (auto status = m_parallel.checkIdentical(state); !status) {
            return failure(status.message());
        }
        m_log("Data parallel: the weights are identical on all " +
              std::to_string(m_parallel.worldSize()) + " processes.");
    }
    if (auto status = writeFinalBundle(summary); !status) {
        return failure(status.message());
    }
    release();
    summary.wallSeconds = secondsSince(m_runStart);
    m_log("Done in " + formatNumber(summary.wallSeconds, 4) + " s: best val accuracy " +
          formatNumber(summary.bestValAccuracy) + " (epoch " + std::to_string(summary.bestEpoch) +
          ")" + (summary.stopReason.empty() ? "" : ", " + summary.stopReason) + ".");
    return summary;
}

namespace {

Result<TrainingSummary> runTraining(const TrainingConfig& config, const data::Dataset& dataset,
                                    TrainingObserver& observer, TrainingControl& control,
                                    bool resume, distributed::ProcessGroup* group) {
    return guardedRun<TrainingSummary>(config, [&]() -> Result<TrainingSummary> {
        TrainingRun run(config, observer, control, group);
        if (auto status = run.prepare(dataset, /*writeSplit=*/true); !status) {
            observer.log("Failed: " + status.message());
            return status.error();
        }
        return run.train(resume);
    });
}

} // namespace

Result<TrainingSummary> train(const TrainingConfig& config, const data::Dataset& dataset,
                              TrainingObserver& observer, TrainingControl& control, bool resume) {
    return runTraining(config, dataset, observer, control, resume, nullptr);
}

Result<TrainingSummary> trainDataParallel(const TrainingConfig& config,
                                          const data::Dataset& dataset, TrainingObserver& observer,
                                          TrainingControl& control,
                                          distributed::ProcessGroup& group, bool resume) {
    return runTraining(config, dataset, observer, control, resume, &group);
}

} // namespace tstudio::training
