#pragma once

// Private to core/training: an optimizer's per-parameter state (moments, momentum buffers, step
// counts) as plain named tensors and JSON, so checkpoints are written and read by our own
// safetensors code instead of LibTorch's archive loader. Works on LibTorch 1.13 and 2.x.

#include <QJsonObject>
#include <torch/torch.h>

#include "core/common/result.h"
#include "core/weights/state_dict.h"

namespace tstudio::training {

struct OptimizerState {
    /** "<k>.<field>" for parameter k over all groups in order: "3.exp_avg", "0.momentum_buffer" */
    weights::StateDict tensors;
    QJsonObject steps; ///< "<k>": step count, for the optimizers that count steps
};

/** CPU copies of optimizer's state. SGD, Adam, AdamW and RMSprop. */
OptimizerState saveOptimizerState(torch::optim::Optimizer& optimizer);

/**
 * Replaces optimizer's per-parameter state with state. Every tensor must name a parameter the
 * optimizer has, a field its kind keeps, and that parameter's shape; otherwise nothing changes
 * and the failure says what does not fit (the state is read from a file, so untrusted).
 */
Status loadOptimizerState(torch::optim::Optimizer& optimizer, const OptimizerState& state);

} // namespace tstudio::training
