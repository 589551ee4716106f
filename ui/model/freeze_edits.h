#pragma once

// How the freeze tree's edits become part of the training config. The engine interprets the
// result (describeModel / train); nothing here decides what trains.

#include <string>

#include "core/training/training_config.h"

namespace tstudio::ui {

/** Which freeze spec the tree edits under config's mode, and which stage it shows. */
struct FreezeTarget {
    int stage = 1;
    bool editsStage2 = false; ///< TwoStage: the tree edits twoStage.stage2Freeze
};
FreezeTarget freezeTarget(const training::TrainingConfig& config);

/**
 * Makes the subtree at path train (trainable) or freeze, as a rule appended to the spec the mode
 * uses; rules at or below path are dropped first (the new rule overrides them anyway). The
 * root ("") resets the spec to "train all" or "freeze all". In Feature mode, where the engine
 * trains only the head, an edit switches to FineTune starting from "head only", so the edit
 * takes effect. Returns true when the mode had to change.
 */
bool setSubtreeTrainable(training::TrainingConfig& config, const std::string& path, bool trainable);

/** A preset for the spec the mode uses (rules cleared); Feature mode switches as above. */
bool applyFreezePreset(training::TrainingConfig& config, training::FreezeSpec::Preset preset,
                       int lastBlocks = 0);

/** Sets the LR multiplier of the subtree at path (entries at or below path are dropped). */
void setLrMultiplier(training::TrainingConfig& config, const std::string& path, double factor);

/** True when path is prefix itself or lies below it ("layer4.1" is below "layer4"). */
bool isAtOrBelow(const std::string& path, const std::string& prefix);

} // namespace tstudio::ui
