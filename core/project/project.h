#pragma once

// Public, torch-free: the document a person works on in the window — what `*.tsproj` holds.

#include <string>
#include <vector>

#include "core/data/dataset_file.h"
#include "core/training/training_config.h"
#include "core/training/training_events.h"

namespace tstudio::project {

/** One training run as the project remembers it: what was asked, and what came of it. */
struct RunRecord {
    std::string startedAt; ///< UTC, ISO 8601 ("2026-12-01T16:44:26Z")
    training::TrainingConfig config;
    /** Per-epoch curves, best epoch, test result and the bundle's path. */
    training::TrainingSummary summary;
};

/**
 * A labelling and training project: the dataset with every label, exclusion and split (the
 * images stay where they are; the project only points at them), the training configuration the
 * Model and Train steps edit, and the history of runs. Plain value type, any thread.
 */
struct Project {
    data::DatasetDescription dataset;
    training::TrainingConfig config;
    std::vector<RunRecord> runs;
};

/** The run that config and summary describe, started now. */
RunRecord makeRunRecord(const training::TrainingConfig& config,
                        const training::TrainingSummary& summary);

} // namespace tstudio::project
