// findLearningRate(): an exponential learning-rate sweep over training batches, on a run that
// is thrown away afterwards.

#include "core/training/lr_finder.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/training/epoch_order.h"
#include "core/training/trainer.h"
#include "core/training/training_guard.h"
#include "core/training/training_messages.h"
#include "core/training/training_run.h"

namespace tstudio::training {

double suggestLearningRate(const std::vector<double>& learningRates,
                           const std::vector<double>& smoothedLosses) {
    const std::size_t n = std::min(learningRates.size(), smoothedLosses.size());
    if (n < 3) {
        return n > 0 ? learningRates.front() : 0.0;
    }
    const std::size_t first = std::max<std::size_t>(1, n / 10);
    const std::size_t last = n - std::max<std::size_t>(1, n / 20);
    double steepest = std::numeric_limits<double>::infinity();
    std::size_t at = first;
    for (std::size_t i = first; i < last; ++i) {
        const double slope = (smoothedLosses[i] - smoothedLosses[i - 1]) /
                             (std::log(learningRates[i]) - std::log(learningRates[i - 1]));
        if (slope < steepest) {
            steepest = slope;
            at = i;
        }
    }
    return learningRates[at];
}

namespace {

class SilentObserver : public TrainingObserver {};

/** The sweep itself, on a prepared run. */
Result<LrFinderResult> sweep(TrainingRun& run, const LrFinderOptions& options,
                             const std::function<void(int, int)>& progress) {
    if (auto status = run.setupStage(0); !status) {
        return status.error();
    }
    LrFinderResult result;
    MetricAccumulator metrics(run.numClasses(), run.device());
    torch::Tensor window =
        torch::zeros({}, torch::TensorOptions().device(run.device()).dtype(torch::kFloat64));
    double average = 0.0;
    double best = std::numeric_limits<double>::infinity();
    int epoch = 1;
    run.startTrainEpoch(epoch);
    for (int step = 0; step < options.steps && run.waitWhilePaused(); ++step) {
        auto batch = run.nextTrainBatch();
        if (!batch) {
            run.startTrainEpoch(++epoch);
            batch = run.nextTrainBatch();
            if (!batch) {
                break;
            }
        }
        const double lr = options.startLr * std::pow(options.endLr / options.startLr,
                                                     static_cast<double>(step) /
                                                         static_cast<double>(options.steps - 1));
        setLearningRate(run.optimizer(), lr);
        window.zero_();
        const std::uint64_t seed = stepSeed(run.config().seed, 0, step);
        if (run.trainStep(*batch, seed, metrics, window) == StepOutcome::NotFinite) {
            break; // the sweep has gone past any useful rate
        }
        const double loss = window.item<double>() / static_cast<double>(batch->size);
        // fastai's smoothing: exponential average, debiased.
        average = 0.98 * average + 0.02 * loss;
        const double smoothed = average / (1.0 - std::pow(0.98, step + 1));
        if (!std::isfinite(smoothed)) {
            break;
        }
        result.learningRates.push_back(lr);
        result.losses.push_back(smoothed);
        best = std::min(best, smoothed);
        if (progress) {
            progress(step + 1, options.steps);
        }
        if (step > 0 && smoothed > options.divergeFactor * best) {
            break;
        }
    }
    if (result.losses.size() < 3) {
        return fail(
            fillMessage(text::kLrFinderTooFewSteps, {std::to_string(result.losses.size())}));
    }
    result.suggestedLr = suggestLearningRate(result.learningRates, result.losses);
    return result;
}

} // namespace

Result<LrFinderResult> findLearningRate(const TrainingConfig& config, const data::Dataset& dataset,
                                        const LrFinderOptions& options, TrainingControl& control,
                                        const std::function<void(int, int)>& progress) {
    if (!(options.startLr > 0.0 && options.endLr > options.startLr) || options.steps < 2) {
        return fail(text::kLrFinderOptions);
    }
    return guardedRun<LrFinderResult>(config, [&]() -> Result<LrFinderResult> {
        // Nothing of the run is kept: no output folder, a fresh network thrown away at the end.
        TrainingConfig probe = config;
        probe.outDir.clear();
        SilentObserver silent;
        TrainingRun run(probe, silent, control);
        if (auto status = run.prepare(dataset, /*writeSplit=*/false); !status) {
            return status.error();
        }
        auto result = sweep(run, options, progress);
        run.release();
        return result;
    });
}

} // namespace tstudio::training
