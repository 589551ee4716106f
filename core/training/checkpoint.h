#pragma once

// Private to core/training: the run's checkpoint — enough for an exact resume. A checkpoint is
// a file on disk, so untrusted input like any weight file: it is a .safetensors file, read by
// our bounds-checked reader (fuzzed with the other formats), never by LibTorch's archive loader.

#include <filesystem>

#include <QJsonObject>
#include <torch/torch.h>

#include "core/common/result.h"
#include "core/training/optimizer_state.h"
#include "core/training/training_config.h"
#include "core/weights/state_dict.h"

namespace tstudio::training {

/**
 * What a checkpoint holds: the settings that decide the run's result, the run's state as JSON
 * (stage, epoch, history, best epoch, schedule and early-stopping counters; see RunState), the
 * tensors that can have changed since the run started (trainable parameters and buffers; the
 * rest is rebuilt from the config's weights and seed), the best epoch's copy of the same, and
 * the optimizer's state.
 */
struct Checkpoint {
    QJsonObject config;
    QJsonObject state;
    weights::StateDict model;
    weights::StateDict best;
    OptimizerState optimizer;
};

/** config's fields that decide a run's result (not where it runs or writes): a resume needs
    them equal. */
QJsonObject resultDefiningConfig(const TrainingConfig& config);

/** Written atomically (temporary file, then rename): a crash leaves the previous one. */
Status writeCheckpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                       torch::optim::Optimizer& optimizer);

/** Fails, naming the file, on anything that is not a checkpoint of ours. */
Result<Checkpoint> readCheckpoint(const std::filesystem::path& path);

/** Once the optimizer of the checkpoint's stage exists: gives it the saved state. */
Status loadCheckpointOptimizer(const Checkpoint& checkpoint, torch::optim::Optimizer& optimizer);

} // namespace tstudio::training
