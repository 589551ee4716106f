#pragma once

// Public, torch-free: running a training run. The GUI's worker thread and `tstudio train` both
// call train(); there is no other implementation.

#include <atomic>
#include <filesystem>
#include <functional>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/training/training_config.h"
#include "core/training/training_events.h"

namespace tstudio::training {

/** Where train() keeps a run's checkpoint in its output folder; resume needs it there. */
inline std::filesystem::path checkpointFile(const std::filesystem::path& outDir) {
    return outDir / "checkpoint.pt";
}

/**
 * The images an optimizer step of the run in outDir took (its batch times its processes), from
 * its checkpoint's header alone: a resume on P processes needs a batch of that / P each. Fails
 * like a resume, naming the file, when there is no readable checkpoint. Any thread.
 */
Result<int> checkpointStepBatch(const std::filesystem::path& outDir);

/** Where train() writes a run's model bundle in its output folder. */
inline std::filesystem::path bundleFile(const std::filesystem::path& outDir) {
    return outDir / "model.tsmodel";
}

/** How a caller stops or pauses a run from another thread. Both take effect within one batch. */
struct TrainingControl {
    std::atomic_bool stop{false};
    std::atomic_bool pause{false};
};

/**
 * Trains config on dataset's train split, validating on val after every epoch and testing on
 * test at the end, and writes into config.outDir: `checkpoint.pt` (every epoch, atomic, enough
 * for an exact resume), `run.log`, and the model bundle `model.tsmodel` (best or last epoch).
 * A dataset without a split is split first (config.split, config.seed; the split is written to
 * outDir/split.json so a resume sees the same one). With resume set and a checkpoint in outDir
 * that matches config, the run continues from it and ends exactly as an uninterrupted run would;
 * resume without a checkpoint in outDir fails (nothing is started or overwritten).
 *
 * Speed: when a prefix of the blocks is frozen and in eval mode and augment is off, that prefix's
 * output is computed once per image and cached (the log says so and how much memory it holds);
 * with augmentation on it says why it does not cache.
 *
 * Fails with a clear message on: unknown arch, bad or missing weights, an empty split, a NaN/Inf
 * loss (the last good checkpoint is kept), out of memory (suggests a smaller batch or input
 * size), no CUDA. A stop request ends the run after the current batch, still writing the bundle
 * (with stopReason set) when at least one epoch finished. Blocking; any thread; one run per call.
 */
Result<TrainingSummary> train(const TrainingConfig& config, const data::Dataset& dataset,
                              TrainingObserver& observer, TrainingControl& control,
                              bool resume = false);

struct LrFinderOptions {
    double startLr = 1e-7;
    double endLr = 10.0;
    int steps = 100;
    double divergeFactor = 4.0; ///< stop when the smoothed loss exceeds best * this
};

struct LrFinderResult {
    std::vector<double> learningRates;
    std::vector<double> losses; ///< smoothed (exponential, 0.98), one per step
    double suggestedLr = 0.0;   ///< steepest descent of the smoothed curve
};

/**
 * Learning-rate range test (exponential LR sweep over training batches) with config's model,
 * freezing and optimizer; the weights and optimizer are thrown away afterwards, so nothing a
 * later train() sees changes. progress gets (step, steps). Blocking; any thread.
 */
Result<LrFinderResult> findLearningRate(const TrainingConfig& config, const data::Dataset& dataset,
                                        const LrFinderOptions& options, TrainingControl& control,
                                        const std::function<void(int, int)>& progress = {});

} // namespace tstudio::training
