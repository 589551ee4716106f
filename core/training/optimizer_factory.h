#pragma once

// Private to core/training: the optimizer over the trainable parameters, one parameter group
// per (LR multiplier, weight decay) pair.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "core/training/training_config.h"

namespace tstudio::training {

struct TrainableOptimizer {
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    OptimizerKind kind = OptimizerKind::AdamW;
    std::vector<double> groupMultipliers;  ///< LR multiplier of each parameter group
    std::vector<torch::Tensor> parameters; ///< everything the optimizer steps, for clipping
};

/**
 * Groups params (name, tensor; only those that require grad) by LR multiplier (config's
 * lrMultipliers, last match wins) and by weight decay: decay applies to weights of 2 or more
 * dimensions, not to biases and normalisation scales (the usual practice, and what keeps
 * BatchNorm and LayerNorm from being pulled to zero).
 */
TrainableOptimizer makeOptimizer(const OptimizerConfig& config,
                                 const std::vector<std::pair<std::string, torch::Tensor>>& params,
                                 const std::vector<LrMultiplier>& multipliers, double baseLr);

/** Sets every group's LR to lr times its multiplier. */
void setLearningRate(TrainableOptimizer& optimizer, double lr);

} // namespace tstudio::training
