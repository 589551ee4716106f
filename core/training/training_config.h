#pragma once

// Public, torch-free: what a training run is asked to do. The GUI edits it, the CLI parses it,
// the bundle stores it (as JSON), the engine runs it. Its parts with text forms of their own
// (head, freezing, LR multipliers) and the recommended recipes have their own headers, included
// here so that this header still declares the whole configuration.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <QJsonObject>
#include <QMetaType>

#include "core/common/result.h"
#include "core/data/augmentation.h"
#include "core/data/stratified_split.h"
#include "core/training/freeze_spec.h"
#include "core/training/head_spec.h"
#include "core/training/training_recipe.h"

namespace tstudio::training {

enum class OptimizerKind { SGD, Adam, AdamW, RMSprop };
struct OptimizerConfig {
    OptimizerKind kind = OptimizerKind::AdamW;
    double lr = 1e-3;
    double weightDecay = 0.0;
    double momentum = 0.9;                         ///< SGD, RMSprop
    bool nesterov = false;                         ///< SGD
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8; ///< Adam, AdamW
    double alpha = 0.99;                           ///< RMSprop
};

enum class ScheduleKind { Constant, Step, Cosine, OneCycle, Plateau };
struct ScheduleConfig {
    ScheduleKind kind = ScheduleKind::Cosine;
    int warmupEpochs = 0;     ///< Cosine: linear warm-up (per batch) from lr/100
    double minLrFactor = 0.0; ///< Cosine: floor as a fraction of lr
    int stepEpochs = 7;       ///< Step
    double gamma = 0.1;       ///< Step, Plateau: factor
    int plateauPatience = 2;  ///< Plateau: epochs without val_loss improvement
    double oneCyclePctStart = 0.3;
    double oneCycleDivFactor = 25.0;
    double oneCycleFinalDivFactor = 1e4;
};

enum class TrainMode {
    Feature,  ///< backbone frozen (default HeadOnly), only the head trains
    FineTune, ///< the freeze spec as given (default: nothing frozen)
    TwoStage, ///< stage 1 head only, then stage 2 unfreezes (see TwoStageConfig)
};

struct TwoStageConfig {
    int headEpochs = 3;      ///< stage 1; stage 2 runs TrainingConfig::epochs more
    FreezeSpec stage2Freeze; ///< default None: everything trains
    double stage2Lr = 1e-4;  ///< base LR of stage 2 (its schedule restarts)
};

struct EarlyStopping {
    int patience = 0; ///< epochs without improvement; 0: off
    enum class Metric { ValLoss, ValAccuracy } metric = Metric::ValLoss;
};

struct TrainingConfig {
    std::string arch = "mobilenet_v2";
    std::filesystem::path weights; ///< empty: the official file from the hub cache
    bool fromScratch = false;      ///< random init, no weights
    int inputSize = 0;             ///< 0: the registry's default
    HeadSpec head;
    TrainMode mode = TrainMode::Feature;
    FreezeSpec freeze; ///< Feature: ignored (head only); FineTune/TwoStage stage 2
    std::vector<LrMultiplier> lrMultipliers;
    OptimizerConfig optimizer;
    ScheduleConfig schedule;
    int epochs = 10;
    int batchSize = 32;
    double labelSmoothing = 0.0;
    double gradClipNorm = 0.0; ///< 0: off
    TwoStageConfig twoStage;
    bool augment = true;
    data::AugmentationConfig augmentation; ///< crop size follows inputSize
    EarlyStopping earlyStopping;
    bool keepBest = true; ///< the bundle holds the best epoch's weights (by val accuracy)
    std::uint64_t seed = 0;
    std::string device = "cpu";    ///< "cpu", "cuda", "cuda:N"
    int workers = 0;               ///< loader threads; 0: chosen from the cores
    bool frozenPrefixCache = true; ///< use the cache when it applies (see Trainer)
    bool mixedPrecision = true;    ///< CUDA only: bf16 where supported, else fp16 + loss scaling
    bool channelsLast = true;
    data::SplitFractions split;   ///< used when the dataset has no split of its own
    std::filesystem::path outDir; ///< checkpoints, run log and the bundle go here
};

/** config as the JSON object bundles, checkpoints and the GUI's settings store. Any thread. */
QJsonObject toJson(const TrainingConfig& config);
/**
 * The configuration json describes; keys that are absent (a file from an older version) keep
 * their defaults. Fails on a head, freeze spec, mode, optimizer, schedule or metric it does not
 * know, or a seed that is not a whole number. Any thread.
 */
Result<TrainingConfig> trainingConfigFromJson(const QJsonObject& json);

const char* toString(OptimizerKind kind);
const char* toString(ScheduleKind kind);
const char* toString(TrainMode mode);
std::optional<OptimizerKind> optimizerFromString(std::string_view name);
std::optional<ScheduleKind> scheduleFromString(std::string_view name);
std::optional<TrainMode> trainModeFromString(std::string_view name);

} // namespace tstudio::training

Q_DECLARE_METATYPE(tstudio::training::TrainingConfig)
