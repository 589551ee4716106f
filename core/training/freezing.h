#pragma once

// Private to core/training: which parameters train, and which layers run in eval mode. One
// implementation for train(), the LR finder, describeModel and trainableParameterNames.

#include <set>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/training/training_config.h"
#include "core/training/transfer_net.h"

namespace tstudio::training {

/** The freeze spec in force: Feature and TwoStage stage 1 train the head only; FineTune uses
    config.freeze; TwoStage stage 2 uses twoStage.stage2Freeze. */
FreezeSpec effectiveFreeze(const TrainingConfig& config, int stage);

/** Names of the parameters that train under spec. A rule path may be a module path or a block
    name ("stem", "block3"); one that names nothing in the model fails, listing the blocks. */
Result<std::set<std::string>> resolveTrainable(const TransferNet& net, const FreezeSpec& spec);

/** requires_grad on exactly the trainable parameters. */
void applyTrainable(TransferNet& net, const std::set<std::string>& trainable);

/** The longest run of leading blocks whose parameters are all frozen (and, when every block is,
    whether the neck's are too). Nothing when frozen BatchNorm layers are to keep training. */
CutPoint frozenPrefix(const TransferNet& net, const std::set<std::string>& trainable,
                      const FreezeSpec& spec);

/** Training mode for the run, with the frozen prefix (and its dropout) in eval mode, and every
    BatchNorm whose parameters are all frozen in eval mode unless spec.trainFrozenBatchNorm. */
void setTrainingModes(TransferNet& net, const std::set<std::string>& trainable,
                      const FreezeSpec& spec, CutPoint prefix);

/** A path as the model names it: "head" becomes net.headPath() (the backbone's own replaced
    Linear for Pooling::Neck without hidden layers). */
std::string resolvePath(const TransferNet& net, const std::string& path);

/** config's multipliers with their paths resolved (resolvePath). */
std::vector<LrMultiplier> resolveMultipliers(const TransferNet& net,
                                             const std::vector<LrMultiplier>& multipliers);

/** The factor of the last multiplier whose path covers parameter (1 when none does). */
double lrMultiplierOf(const std::string& parameter, const std::vector<LrMultiplier>& multipliers);

} // namespace tstudio::training
