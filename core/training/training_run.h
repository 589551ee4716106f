#pragma once

// Private to core/training: one training run — its data, network, stages and state — shared by
// train() and findLearningRate(). The parts live in their own files:
//   training_run.cpp   preparing the run and each stage (data, network, optimizer, cache)
//   training_step.cpp  the compute: one optimisation step, evaluation, pause and stop
//   training_state.cpp what changes over the run: snapshots, checkpoints, the final bundle
//   trainer.cpp        train(): stage -> epoch -> validate -> record -> checkpoint
//   lr_finder.cpp      findLearningRate()

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/data/batch_loader.h"
#include "core/data/dataset.h"
#include "core/data/decoded_image_cache.h"
#include "core/imaging/eval_transform.h"
#include "core/training/checkpoint.h"
#include "core/training/data_parallel.h"
#include "core/training/device_support.h"
#include "core/training/freezing.h"
#include "core/training/lr_schedule.h"
#include "core/training/metrics.h"
#include "core/training/optimizer_factory.h"
#include "core/training/prefix_cache.h"
#include "core/training/run_log.h"
#include "core/training/run_state.h"
#include "core/training/trainer.h"
#include "core/training/transfer_net.h"

namespace tstudio::graph {
class FastestForward;
}

namespace tstudio::training {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start);

struct Stage {
    int number = 1;
    int epochs = 0;
    FreezeSpec freeze;
    double lr = 0.0;
};

/** What became of one optimisation step. */
enum class StepOutcome {
    Applied,
    Skipped,   ///< fp16 loss scaling: the gradients overflowed, the scale was lowered
    NotFinite, ///< the loss was NaN or infinite; nothing was applied
};

class TrainingRun {
public:
    /** group: the process group of a data-parallel run, or null for a single process. */
    TrainingRun(const TrainingConfig& config, TrainingObserver& observer, TrainingControl& control,
                distributed::ProcessGroup* group = nullptr);

    // Preparing (training_run.cpp)
    Status prepare(const data::Dataset& dataset, bool writeSplit);
    /** Freezing, optimizer, schedule and the frozen-prefix cache of one stage. */
    Status setupStage(std::size_t stageIndex);

    // The training loop (trainer.cpp)
    Result<TrainingSummary> train(bool resume);

    // Batches (training_run.cpp)
    void startTrainEpoch(int epoch);
    std::optional<DeviceBatch> nextTrainBatch();

    // Compute (training_step.cpp)
    /** One step on batch, its random draws (dropout) seeded by randomSeed. The loss is checked
        before anything is applied. */
    StepOutcome trainStep(const DeviceBatch& batch, std::uint64_t randomSeed,
                          MetricAccumulator& metrics, torch::Tensor& lossWindow);
    /** The metrics of indices (cached prefix outputs when cache is given); nullopt when a stop
        came first: a partial evaluation is never returned. Reports phase progress. */
    std::optional<EvaluationResult> evaluate(const std::vector<std::size_t>& indices,
                                             const PrefixCache* cache, PhaseProgress progress);
    /** Holds while paused (the paused time is added to pausedSeconds()); false on stop. In a
        data-parallel run: false once the ranks agreed to stop (at a training step; no pause). */
    bool waitWhilePaused();
    double pausedSeconds() const { return m_pausedSeconds; }
    bool stopRequested() const { return m_control.stop; }
    /** Stops the loader threads and frees the caches and device memory of a run that ends. */
    void release();

    const TrainingConfig& config() const { return m_config; }
    TrainableOptimizer& optimizer() { return m_optimizer; }
    torch::Device device() const { return m_device; }
    int numClasses() const { return static_cast<int>(m_dataset.classes().size()); }
    Error failure(const std::string& message, ErrorKind kind = ErrorKind::General);

private:
    // training_run.cpp
    Status selectSamples();
    void prepareImageSources(const models::BackboneInfo& info);
    Status loadNetwork(const models::BackboneInfo& info);
    Status setupPrefixCache(const Stage& stage);
    /** The training split's cache, then the validation split's (when there is one). */
    Status buildCaches(PhaseProgress& progress);
    Result<PrefixCache> buildCache(const std::vector<std::size_t>& indices, const char* what,
                                   graph::FastestForward& prefix, PhaseProgress& progress);
    std::unique_ptr<data::BatchLoader> makeLoader(std::vector<std::size_t> indices, bool augment,
                                                  int batchSize = 0);
    DeviceBatch toDevice(const data::Batch& batch);
    void logSkipped(const data::Batch& batch);
    void clipGradients();
    /** The step's verdict flags, raised on any rank, and the ranks' agreement to stop. */
    torch::Tensor agreeOnVerdict(const torch::Tensor& verdict);

    // trainer.cpp
    enum class EpochEnd { Continue, EarlyStopped, Stopped };
    Status resumeFromCheckpoint(bool resume);
    Result<EpochEnd> runStage(std::size_t stageIndex);
    Result<EpochEnd> runEpoch(std::size_t stageIndex, int stageEpoch);
    Result<std::optional<EpochMetrics>> trainEpoch(const Stage& stage, int stageEpoch, int epoch);
    void reportBatch(BatchProgress progress, std::int64_t imagesSoFar, double trainSeconds);
    /** validation: the epoch's result on the validation split, none without one. */
    Result<EpochEnd> recordEpoch(std::size_t stageIndex, int stageEpoch,
                                 const EpochMetrics& metrics,
                                 std::optional<EvaluationResult> validation);
    Result<TrainingSummary> finish(bool stopped, bool earlyStopped);

    // State (training_state.cpp)
    /** What decides the run's result, as a checkpoint records it: with the batch of one step
        over all processes, so a run resumes with another number of processes taking the same
        steps. */
    QJsonObject checkpointConfig() const;
    std::set<std::string> changingTensorNames() const;
    weights::StateDict snapshot() const;
    void restore(const weights::StateDict& dict);
    Status saveCheckpoint();
    Status writeFinalBundle(TrainingSummary& summary);

    const TrainingConfig& m_config;
    TrainingControl& m_control;
    DataParallel m_parallel;
    /** Data-parallel runs: a stop all ranks agreed on, so that all leave at the same step. */
    bool m_agreedStop = false;
    RunLog m_log;
    TrainingObserver& m_observer;

    data::Dataset m_dataset;
    std::vector<std::size_t> m_train, m_val, m_test;
    /** Decoded images: the fast decode augmentation starts from, and the exact one every
        evaluation (and training without augmentation) reads, which is predict()'s. */
    std::unique_ptr<data::DecodedImageCache> m_augmentationImages, m_evaluationImages;
    imaging::EvalTransform m_eval;
    data::AugmentationConfig m_augmentation;
    int m_workers = 2;
    int m_threads = 1;

    torch::Device m_device;
    MixedPrecision m_precision;
    std::optional<TransferNet> m_net;
    std::vector<Stage> m_stages;
    std::set<std::string> m_everTrainable;

    // Per stage
    std::set<std::string> m_trainable;
    CutPoint m_cut;
    bool m_useCache = false;
    std::optional<PrefixCache> m_trainCache, m_valCache;
    TrainableOptimizer m_optimizer;
    std::unique_ptr<LrSchedule> m_schedule;
    std::unique_ptr<data::BatchLoader> m_trainLoader, m_valLoader;
    std::vector<std::size_t> m_order;
    std::size_t m_orderPosition = 0;

    // Over the run
    RunState m_state;
    weights::StateDict m_bestWeights;
    std::optional<Checkpoint> m_resumeCheckpoint; ///< until its stage is set up
    Clock::time_point m_runStart;
    double m_pausedSeconds = 0.0;
    std::int64_t m_batchesThisSession = 0;
    std::int64_t m_imagesThisSession = 0;
    double m_trainSecondsThisSession = 0.0;
    double m_cacheSeconds = 0.0;
    std::int64_t m_cacheImages = 0;
    int m_totalEpochs = 0;
    std::int64_t m_batchesPerEpoch = 0;
};

} // namespace tstudio::training
