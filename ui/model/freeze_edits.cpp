#include "ui/model/freeze_edits.h"

#include <algorithm>

namespace tstudio::ui {

using training::FreezeSpec;
using training::TrainingConfig;
using training::TrainMode;

namespace {
FreezeSpec& editedSpec(TrainingConfig& config) {
    return config.mode == TrainMode::TwoStage ? config.twoStage.stage2Freeze : config.freeze;
}

/**
 * Feature mode ignores the spec; switching to FineTune from "head only" keeps what trains, and
 * brings fine-tuning's recipe (augmentation, label smoothing, the 0.1x backbone rate), as picking
 * the mode on the Train page does.
 */
bool leaveFeatureMode(TrainingConfig& config) {
    if (config.mode != TrainMode::Feature) {
        return false;
    }
    config = training::withRecommendedRecipe(std::move(config), TrainMode::FineTune);
    config.freeze = FreezeSpec{};
    config.freeze.preset = FreezeSpec::Preset::HeadOnly;
    return true;
}
} // namespace

FreezeTarget freezeTarget(const TrainingConfig& config) {
    if (config.mode == TrainMode::TwoStage) {
        return {2, true};
    }
    return {1, false};
}

bool isAtOrBelow(const std::string& path, const std::string& prefix) {
    if (prefix.empty()) {
        return true;
    }
    return path == prefix ||
           (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
            path[prefix.size()] == '.');
}

bool setSubtreeTrainable(TrainingConfig& config, const std::string& path, bool trainable) {
    const bool switched = leaveFeatureMode(config);
    FreezeSpec& spec = editedSpec(config);
    if (path.empty()) {
        spec.preset = trainable ? FreezeSpec::Preset::None : FreezeSpec::Preset::All;
        spec.rules.clear();
        return switched;
    }
    std::erase_if(spec.rules,
                  [&](const training::FreezeRule& rule) { return isAtOrBelow(rule.path, path); });
    spec.rules.push_back({path, !trainable});
    return switched;
}

bool applyFreezePreset(TrainingConfig& config, FreezeSpec::Preset preset, int lastBlocks) {
    if (config.mode == TrainMode::Feature && preset == FreezeSpec::Preset::HeadOnly) {
        return false; // what Feature mode trains already
    }
    const bool switched = leaveFeatureMode(config);
    FreezeSpec& spec = editedSpec(config);
    spec.preset = preset;
    spec.lastBlocks = preset == FreezeSpec::Preset::LastBlocks ? std::max(lastBlocks, 0) : 0;
    spec.rules.clear();
    return switched;
}

void setLrMultiplier(TrainingConfig& config, const std::string& path, double factor) {
    std::erase_if(config.lrMultipliers, [&](const training::LrMultiplier& entry) {
        return isAtOrBelow(entry.path, path);
    });
    // A factor of 1 at the root is the default: no entry needed.
    if (!(path.empty() && factor == 1.0)) {
        config.lrMultipliers.push_back({path, factor});
    }
}

} // namespace tstudio::ui
