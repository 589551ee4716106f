#pragma once

// Private to core/training: the run's checkpoint — enough for an exact resume.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <QJsonObject>
#include <torch/torch.h>

#include "core/common/result.h"
#include "core/weights/state_dict.h"

namespace tstudio::training {

/**
 * What a checkpoint holds: the run's state as JSON (config, stage, epoch, history, best,
 * schedule and early-stopping counters), the tensors that can have changed since the run
 * started (trainable parameters and buffers; the rest is rebuilt from the config's weights and
 * seed), the best epoch's copy of the same, and the optimizer's state.
 */
struct Checkpoint {
    QJsonObject state;
    weights::StateDict model;
    weights::StateDict best;
};

/** Written atomically (temporary file, then rename): a crash leaves the previous one. */
Status writeCheckpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                       torch::optim::Optimizer& optimizer);

/** Reads everything but the optimizer state, which loadCheckpointOptimizer reads once the
    optimizer for the checkpoint's stage exists. */
Result<Checkpoint> readCheckpoint(const std::filesystem::path& path);
Status loadCheckpointOptimizer(const std::filesystem::path& path,
                               torch::optim::Optimizer& optimizer);

} // namespace tstudio::training
