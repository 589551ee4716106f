#pragma once

// Public, torch-free: a bundle's evaluation image by image, what the Evaluate step and
// `tstudio evaluate --report` show and write.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/training/training_events.h"

namespace tstudio::training {

/** What the model made of one evaluated image. */
struct ImageOutcome {
    std::size_t sample = 0; ///< index into the evaluated dataset
    std::filesystem::path path;
    int trueClass = -1;               ///< bundle class index
    int predicted = -1;               ///< bundle class index (the top logit)
    std::vector<float> probabilities; ///< softmax, one per class in bundle order
    double loss = 0.0;                ///< cross-entropy of this image
};

/** The aggregate result together with every image behind it. */
struct EvaluationReport {
    EvaluationResult summary;
    std::vector<std::string> classes; ///< bundle order
    std::vector<ImageOutcome> images; ///< in dataset order
    std::vector<Error> unreadable;    ///< images that could not be decoded, left out of summary
};

/** (done, total) in images; called on the evaluating thread. */
using EvaluationProgress = std::function<void(std::int64_t done, std::int64_t total)>;

} // namespace tstudio::training

Q_DECLARE_METATYPE(tstudio::training::EvaluationReport)
