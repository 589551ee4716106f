#pragma once

// Private to core/training: where a run stands after its last complete epoch — what a
// checkpoint holds besides the tensors, and what a resume restores.

#include <cstddef>
#include <optional>
#include <vector>

#include <QJsonObject>

#include "core/common/result.h"
#include "core/training/best_epoch.h"
#include "core/training/early_stopping.h"
#include "core/training/lr_schedule.h"
#include "core/training/training_events.h"

namespace tstudio::training {

struct RunState {
    explicit RunState(const EarlyStopping& earlyStopping) : early(earlyStopping) {}

    std::size_t stageIndex = 0;
    int stageEpochsDone = 0;
    bool stageEnded = false;           ///< the stage ended before its epochs (early stopping)
    std::vector<EpochMetrics> history; ///< complete epochs only, in order
    BestEpoch best;
    /// The validation results of the best and of the latest epoch: the bundle records the one
    /// whose weights it holds. None without a validation split (or from an older checkpoint).
    std::optional<EvaluationResult> bestValidation;
    std::optional<EvaluationResult> lastValidation;
    EarlyStopper early;
    LrSchedule::PlateauState plateau;
};

QJsonObject toJson(const RunState& state);
/** Restores state (made with the run's early-stopping settings) from toJson's output; fails on
    a malformed object (a checkpoint is a file on disk, so untrusted). */
Status restoreRunState(RunState& state, const QJsonObject& json);

} // namespace tstudio::training
