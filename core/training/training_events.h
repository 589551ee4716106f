#pragma once

// Public, torch-free: what a run reports while it runs and when it ends.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <QJsonObject>
#include <QMetaType>

namespace tstudio::training {

/** Per batch, at most every 250 ms (and for the last batch of an epoch). */
struct BatchProgress {
    int stage = 1; ///< 1, or 2 in the second stage of a two-stage run
    int epoch = 1; ///< 1-based, counted over the whole run
    int epochs = 1;
    std::int64_t batch = 0; ///< batches done in this epoch
    std::int64_t batches = 0;
    double loss = 0.0;         ///< mean train loss of the batches since the last report
    double learningRate = 0.0; ///< base group's current LR
    /** Training images per second, paused time left out. With cachedFeatures these are head
        steps over the frozen prefix's cached outputs, not images decoded and encoded. */
    double imagesPerSecond = 0.0;
    bool cachedFeatures = false;
    double etaSeconds = 0.0;            ///< to the end of the run, paused time left out
    std::int64_t deviceMemoryBytes = 0; ///< CUDA: allocated; CPU: 0
};

struct ClassMetrics {
    double precision = 0.0, recall = 0.0, f1 = 0.0;
    std::int64_t support = 0;
};

struct EvaluationResult {
    std::int64_t count = 0;
    double loss = 0.0;
    double top1 = 0.0;
    std::optional<double> top5; ///< only with 5 or more classes
    std::vector<ClassMetrics> perClass;
    std::vector<std::vector<std::int64_t>> confusion; ///< [true][predicted]
};

struct EpochMetrics {
    int stage = 1;
    int epoch = 1;
    double trainLoss = 0.0, trainAccuracy = 0.0;
    double valLoss = 0.0, valAccuracy = 0.0; ///< NaN when there is no validation split
    std::optional<double> valTop5;
    double learningRate = 0.0; ///< at the end of the epoch
    double seconds = 0.0;      ///< paused time left out
    double trainImagesPerSecond = 0.0;
    bool cachedFeatures = false; ///< the rate counts head steps over cached prefix outputs
};

/** Work of a run outside its training batches, reported once per batch of it. */
struct PhaseProgress {
    enum class Phase {
        Caching,    ///< computing the frozen prefix's output once per image (train, then val)
        Validating, ///< the validation split after an epoch
        Testing,    ///< the test split at the end
    };
    Phase phase = Phase::Caching;
    int epoch = 0;          ///< Validating: the epoch validated
    std::int64_t done = 0;  ///< images
    std::int64_t total = 0; ///< images
};

struct TrainingSummary {
    double bestValAccuracy = 0.0;
    int bestEpoch = 0;
    int epochsRun = 0;
    double wallSeconds = 0.0;
    double trainImagesPerSecond = 0.0; ///< see EpochMetrics::cachedFeatures
    bool cachedFeatures = false;
    /** Images decoded and encoded per second while the frozen-prefix cache was computed (what
        a feature-mode run's speed really rests on); 0 when no cache was computed. */
    double cacheImagesPerSecond = 0.0;
    bool stoppedEarly = false; ///< early stopping or the user
    std::string stopReason;    ///< empty, "early stopping", "stopped by the user"
    std::filesystem::path bundle;
    std::vector<EpochMetrics> history;
    std::optional<EvaluationResult> test; ///< when the dataset has a test split
};

QJsonObject toJson(const BatchProgress& progress);
QJsonObject toJson(const EpochMetrics& metrics);
QJsonObject toJson(const EvaluationResult& result, const std::vector<std::string>& classes);
QJsonObject toJson(const TrainingSummary& summary);

/** Inverses of toJson (the bundle stores history and test result); null numbers read as NaN. */
EpochMetrics epochMetricsFromJson(const QJsonObject& json);
EvaluationResult evaluationResultFromJson(const QJsonObject& json);
TrainingSummary trainingSummaryFromJson(const QJsonObject& json);

/**
 * Receives a run's reports on the training thread; keep the handlers short (the GUI's worker
 * turns them into queued signals).
 */
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void log(const std::string& line) { (void)line; }
    virtual void batch(const BatchProgress& progress) { (void)progress; }
    virtual void epoch(const EpochMetrics& metrics) { (void)metrics; }
    virtual void phase(const PhaseProgress& progress) { (void)progress; }
};

} // namespace tstudio::training

Q_DECLARE_METATYPE(tstudio::training::BatchProgress)
Q_DECLARE_METATYPE(tstudio::training::EpochMetrics)
Q_DECLARE_METATYPE(tstudio::training::EvaluationResult)
Q_DECLARE_METATYPE(tstudio::training::TrainingSummary)
