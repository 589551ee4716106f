#include "training_options.h"

#include <cstdio>

#include "core/data/augmentation_preset.h"
#include "core/models/registry.h"
#include "core/weights/hub_cache.h"
#include "data_argument.h"

namespace tstudio::cli {

void addTrainingOptions(ArgParser& parser) {
    parser.addOption("data", "DIR|CSV|JSON|TSPROJ",
                     "Class folders (optionally train/ val/ test/), a .csv list\n"
                     "(path,label), a dataset .json from `tstudio data split`, a\n"
                     "project .tsproj labelled in the window, CIFAR-10 or IDX files\n"
                     "(required).");
    parser.addOption("arch", "NAME",
                     "Backbone from `tstudio models`, e.g. mobilenet_v2 (required).");
    parser.addOption("weights", "FILE|none",
                     "Pretrained weights (.pth/.safetensors); \"none\" trains from\n"
                     "scratch; default: the official file from the torch hub cache.");
    parser.addOption("mode", "feature|finetune|two-stage",
                     "feature: only the new head trains; finetune: what --freeze\n"
                     "leaves; two-stage: the head first, then everything.",
                     "feature");
    parser.addOption("freeze", "SPEC",
                     "What stays fixed (finetune; two-stage's stage 2): none | all |\n"
                     "head | last:N, then ,-path / ,+path rules: \"head,+layer4\".\n"
                     "Default: nothing (feature mode: everything but the head).");
    parser.addOption("head", "SPEC",
                     "The new head: neck | avg | max | flatten, then hidden layers\n"
                     "and dropout: \"avg,512:relu:0.2,dropout=0.3\". Default: neck,\n"
                     "the backbone's own classifier with a new last layer.");
    parser.addOption("batch", "N", "Images per batch (default: per mode, below).");
    parser.addOption("size", "N", "Square input size; 0 uses the backbone's default.", "0");
    parser.addOption("optimizer", "sgd|adam|adamw|rmsprop", "Optimizer (default: adamw).");
    parser.addOption("lr", "X", "Base learning rate (default: 0.001).");
    parser.addOption("weight-decay", "X", "Weight decay (default: per mode, below).");
    parser.addOption("label-smoothing", "X",
                     "Label smoothing from 0 to 0.5 (default: per mode, below).");
    parser.addOption("lr-mult", "PATH=X,...",
                     "Learning-rate factors per module subtree, later ones win:\n"
                     "\"all=0.1,head=1\" (all: the whole network); none for none.\n"
                     "Default: per mode, below.");
    parser.addOption("augment", "none|light|standard|strong",
                     "Training augmentation: light = random crop + flip, standard =\n"
                     "+ colour jitter, strong = + rotation and erasing. Default: none\n"
                     "in feature mode (frozen features are then computed once), crop +\n"
                     "flip otherwise.");
    parser.addOption("val", "F",
                     "Validation fraction when the data has no val/ split of its own\n"
                     "(of the training images, when it has a train/ split).",
                     "0.2");
    parser.addOption("seed", "N", "Seed of the split, the shuffles and the new layers.", "0");
    parser.addOption("device", "cpu|cuda[:N]", "Where to train.", "cpu");
    parser.addOption("workers", "N", "Loader threads; 0 chooses from the cores.", "0");
}

std::optional<training::TrainingConfig> trainingConfigFrom(const ArgParser& parser,
                                                           const char* command) {
    const auto bad = [command](const std::string& message) {
        std::fprintf(stderr, "tstudio %s: %s (see --help)\n", command, message.c_str());
        return std::nullopt;
    };
    const auto mode = training::trainModeFromString(parser.value("mode"));
    if (!mode) {
        return bad("--mode is feature, finetune or two-stage, not \"" + parser.value("mode") +
                   "\"");
    }
    // The engine's recommended settings for the mode (the GUI starts from the same); options
    // given on the command line override them one by one.
    training::TrainingConfig config = training::recommendedConfig(*mode);
    config.arch = parser.value("arch");
    if (config.arch.empty()) {
        return bad("--arch is required; one of: " + models::knownBackboneNames());
    }
    const std::string weights = parser.value("weights");
    if (weights == "none") {
        config.fromScratch = true;
    } else {
        config.weights = weights;
    }
    if (parser.isSet("freeze")) {
        auto freeze = training::parseFreezeSpec(parser.value("freeze"));
        if (!freeze) {
            return bad("--freeze: " + freeze.message());
        }
        config.freeze = *freeze;
        config.twoStage.stage2Freeze = *freeze;
    }
    if (parser.isSet("head")) {
        auto head = training::parseHeadSpec(parser.value("head"));
        if (!head) {
            return bad("--head: " + head.message());
        }
        config.head = *head;
    }
    if (parser.isSet("batch") && !parseInt(parser.value("batch"), 1, 65536, config.batchSize)) {
        return bad("--batch needs a number from 1 to 65536");
    }
    if (!parseInt(parser.value("size"), 0, 4096, config.inputSize)) {
        return bad("--size needs a number from 0 to 4096");
    }
    if (parser.isSet("optimizer")) {
        const auto optimizer = training::optimizerFromString(parser.value("optimizer"));
        if (!optimizer) {
            return bad("--optimizer is sgd, adam, adamw or rmsprop, not \"" +
                       parser.value("optimizer") + "\"");
        }
        config.optimizer.kind = *optimizer;
    }
    if (parser.isSet("lr") && !parseDouble(parser.value("lr"), 1e-12, 100.0, config.optimizer.lr)) {
        return bad("--lr needs a positive number, e.g. 0.001");
    }
    if (parser.isSet("weight-decay") &&
        !parseDouble(parser.value("weight-decay"), 0.0, 10.0, config.optimizer.weightDecay)) {
        return bad("--weight-decay needs a number >= 0");
    }
    if (parser.isSet("label-smoothing") &&
        !parseDouble(parser.value("label-smoothing"), 0.0, 0.5, config.labelSmoothing)) {
        return bad("--label-smoothing needs a number from 0 to 0.5");
    }
    if (parser.isSet("lr-mult")) {
        auto multipliers = training::parseLrMultipliers(parser.value("lr-mult"));
        if (!multipliers) {
            return bad("--lr-mult: " + multipliers.message());
        }
        config.lrMultipliers = std::move(*multipliers);
    }
    if (parser.isSet("augment")) {
        const auto preset = data::augmentationPresetFromString(parser.value("augment"));
        if (!preset) {
            return bad("--augment is none, light, standard or strong, not \"" +
                       parser.value("augment") + "\"");
        }
        config.augment = *preset != data::AugmentationPreset::None;
        config.augmentation = data::augmentationFor(*preset);
    }
    double val = 0.2;
    if (!parseDouble(parser.value("val"), 0.0, 0.9, val)) {
        return bad("--val needs a fraction from 0 to 0.9");
    }
    config.split.val = val;
    config.split.test = 0.0;
    config.split.train = 1.0 - val;
    int seed = 0;
    if (!parseInt(parser.value("seed"), 0, 2'000'000'000, seed)) {
        return bad("--seed needs a number >= 0");
    }
    config.seed = static_cast<std::uint64_t>(seed);
    config.device = parser.value("device");
    if (!parseInt(parser.value("workers"), 0, 256, config.workers)) {
        return bad("--workers needs a number from 0 to 256");
    }
    return config;
}

std::optional<data::Dataset> openTrainingData(const ArgParser& parser, const char* command) {
    const std::string path = parser.value("data");
    if (path.empty()) {
        std::fprintf(stderr, "tstudio %s: --data is required (see --help)\n", command);
        return std::nullopt;
    }
    auto dataset = openDataArgument(path, command);
    if (!dataset) {
        std::fprintf(stderr, "tstudio %s: %s\n", command, dataset.message().c_str());
        return std::nullopt;
    }
    if (dataset->classes().size() < 2) {
        std::fprintf(stderr,
                     "tstudio %s: %s: %zu class(es) found; training needs at least 2 classes "
                     "(one folder per class)\n",
                     command, path.c_str(), dataset->classes().size());
        return std::nullopt;
    }
    return std::move(dataset).value();
}

bool modelAvailable(const training::TrainingConfig& config, const char* command) {
    const models::BackboneInfo* info = models::findBackbone(config.arch);
    if (info == nullptr) {
        std::fprintf(stderr, "tstudio %s: unknown backbone \"%s\"; one of: %s\n", command,
                     config.arch.c_str(), models::knownBackboneNames().c_str());
        return false;
    }
    if (config.fromScratch) {
        return true;
    }
    std::error_code ec;
    if (!config.weights.empty()) {
        if (!std::filesystem::is_regular_file(config.weights, ec)) {
            std::fprintf(stderr, "tstudio %s: %s: no such weight file\n", command,
                         config.weights.string().c_str());
            return false;
        }
        return true;
    }
    if (!weights::cachedOfficialWeights(*info)) {
        std::fprintf(stderr, "tstudio %s: %s\n", command, weights::howToGetWeights(*info).c_str());
        return false;
    }
    return true;
}

std::string trainingOptionsHelp() {
    return "Defaults per mode (the engine's recommended settings; options override them):\n"
           "  feature            AdamW lr 0.001, cosine schedule, 10 epochs, batch 32, no "
           "augmentation\n"
           "  finetune           AdamW lr 0.001 (backbone 0.1x), weight decay 0.01, label "
           "smoothing 0.1,\n"
           "                     cosine with 1 warm-up epoch, 5 epochs, batch 16, crop + flip\n"
           "  two-stage          as finetune, after 2 head-only epochs; stage 2 at lr 0.001\n\n"
           "Weights: without --weights the official torchvision file is taken from the torch hub "
           "cache\n($TORCH_HOME/hub/checkpoints); `tstudio weights download --arch NAME` puts it "
           "there.\n\n";
}

} // namespace tstudio::cli
