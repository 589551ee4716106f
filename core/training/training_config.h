#pragma once

// Public, torch-free: what a training run is asked to do. The GUI edits it, the CLI parses it,
// the bundle stores it (as JSON), the engine runs it.

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

namespace tstudio::training {

/** What turns the last block's feature map into the head's input. */
enum class Pooling {
    Neck,    ///< the backbone's own neck (torchvision's avgpool/flatten and, for VGG and
             ///< MobileNetV3, its pretrained hidden classifier layers): the new head is exactly
             ///< torchvision's final Linear replaced (module path = the backbone's headPath())
    Average, ///< global average pooling (Keras GlobalAveragePooling2D)
    Max,     ///< global max pooling
    Flatten, ///< flatten the feature map (Keras Flatten; width depends on the input size)
};

enum class Activation { ReLU, GELU, SiLU };

struct HiddenLayer {
    int width = 256;
    Activation activation = Activation::ReLU;
    float dropout = 0.0f; ///< after the activation
};

/**
 * The new head: pooling, zero or more hidden dense layers, dropout, final linear layer sized to
 * the dataset's classes. With Pooling::Neck and no hidden layers it is torchvision's own
 * "replace the last Linear" (the weights keep torchvision's keys, e.g. classifier.1.weight).
 * Otherwise the new layers live under the module path "head" (head.hidden.0, head.fc) and the
 * backbone's own final Linear is dropped from the trained model.
 * String form (CLI --head): "neck", "avg", "max", "flatten", optionally followed by hidden
 * layers and a final dropout: "avg,512:relu:0.2,256:gelu,dropout=0.3".
 */
struct HeadSpec {
    Pooling pooling = Pooling::Neck;
    std::vector<HiddenLayer> hidden;
    float dropout =
        0.0f; ///< before the final linear layer (for Neck: torchvision's own dropout is kept)
};
Result<HeadSpec> parseHeadSpec(std::string_view text);
std::string formatHeadSpec(const HeadSpec& head);

/**
 * Which parameters train. A preset, then rules applied in order (a later rule wins). A rule's
 * path is a module path of the trained model as the freeze tree shows it (torchvision's names:
 * "features.3", "layer4.1.conv2"; "head" for the new layers); it covers that module's subtree.
 * String form (CLI --freeze): "none" | "all" | "head" (everything but the new head frozen) |
 * "last:N" (all but the last N blocks frozen) | "custom", then ",-path" (freeze) / ",+path"
 * (unfreeze) rules: "head,+layer4" or "all,+features.18,+classifier".
 * Preset All freezes the new head too (nothing trains: useful only as a start for rules).
 */
struct FreezeRule {
    std::string path;
    bool frozen = true;
};
struct FreezeSpec {
    enum class Preset { None, HeadOnly, LastBlocks, All };
    Preset preset = Preset::None;
    int lastBlocks = 0; ///< Preset::LastBlocks: how many of the last blocks train
    std::vector<FreezeRule> rules;
    /** BatchNorm layers inside frozen subtrees stay in eval mode (running stats kept) unless
        this is set. */
    bool trainFrozenBatchNorm = false;
};
Result<FreezeSpec> parseFreezeSpec(std::string_view text);
std::string formatFreezeSpec(const FreezeSpec& freeze);

/** Learning-rate multiplier for a module subtree (parameter group); a later entry wins. */
struct LrMultiplier {
    std::string path;
    double factor = 1.0;
};

/**
 * "all=0.1,head=1,features.17=0.5": PATH=FACTOR entries in order, "all" meaning the whole network
 * (path ""), factors from 0 to 100; "none" or "" is no entry. formatLrMultipliers gives the same
 * text back.
 */
Result<std::vector<LrMultiplier>> parseLrMultipliers(std::string_view text);
std::string formatLrMultipliers(const std::vector<LrMultiplier>& multipliers);

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

/**
 * Our defaults for a mode, better than the PyTorch tutorial's (SGD 1e-3, StepLR):
 * Feature: augmentation off (so the frozen backbone's output is computed once per image, see
 * train()), AdamW lr 1e-3, cosine, 10 epochs, batch 32.
 * FineTune/TwoStage: augmentation on, AdamW lr 1e-3 for the head and 0.1x for the backbone
 * (LrMultiplier "" 0.1 then "head" 1.0), weight decay 0.01, label smoothing 0.1, cosine with one
 * warm-up epoch, 5 epochs, batch 16 (TwoStage: 2 head epochs first).
 * An LrMultiplier or freeze rule path "head" always means the new head, also where it is the
 * backbone's own replaced Linear (Pooling::Neck without hidden layers).
 */
TrainingConfig recommendedConfig(TrainMode mode);

/**
 * config with the mode and the recipe of recommendedConfig(mode): optimizer, schedule, epochs,
 * batch size, label smoothing, LR multipliers, augmentation on/off and the two-stage plan. What
 * the person chose about the model, the data and the machine (backbone, weights, input size,
 * head, freezing, augmentation parameters, device, seed, folders) is kept. The GUI applies it
 * when the mode changes, so its defaults are the CLI's.
 */
TrainingConfig withRecommendedRecipe(TrainingConfig config, TrainMode mode);

QJsonObject toJson(const TrainingConfig& config);
Result<TrainingConfig> trainingConfigFromJson(const QJsonObject& json);

const char* toString(OptimizerKind kind);
const char* toString(ScheduleKind kind);
const char* toString(TrainMode mode);
std::optional<OptimizerKind> optimizerFromString(std::string_view name);
std::optional<ScheduleKind> scheduleFromString(std::string_view name);
std::optional<TrainMode> trainModeFromString(std::string_view name);

} // namespace tstudio::training

Q_DECLARE_METATYPE(tstudio::training::TrainingConfig)
