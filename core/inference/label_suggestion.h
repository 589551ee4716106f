#pragma once

// Public, torch-free: what a label suggester proposes for the unlabeled images of a dataset, and
// how it reports while it works. Shared by the feature-based suggester and the trained-model one.

#include <cstddef>
#include <vector>

#include <QMetaType>

#include "core/common/result.h"
#include "core/data/sample.h"

namespace tstudio::inference {

/** A proposed label for one unlabeled sample. Plain value type, any thread. */
struct Suggestion {
    std::size_t sampleIndex = 0;  ///< index into the Dataset's samples
    int label = data::kUnlabeled; ///< index into Dataset::classes()
    float confidence = 0.0f;      ///< 0..1: how sure; sort ascending to review the doubtful first
    int runnerUp = data::kUnlabeled; ///< the second most likely class (kUnlabeled: none)
    float runnerUpConfidence = 0.0f;
};

struct SuggestOptions {
    /** Images encoded per forward pass; also the most work between two progress reports and
        between two looks at the cancel flag. */
    int batchSize = 32;
    /**
     * Softmax temperature over the cosine similarities to the class centroids (feature mode).
     * 0.1 makes the confidence roughly calibrated: MobileNetV2 on the hymenoptera photos, 5
     * labelled per class, 40 random draws: 91.5 % of the suggestions right, mean confidence
     * 90.5 %, and the lowest log-loss of 0.02-0.2 (0.05 claims 95 %). The order of the
     * suggestions by confidence, which is what a reviewer uses, does not depend on it.
     */
    float temperature = 0.1f;
};

enum class SuggestStage {
    LabelledImages, ///< encoding the labelled images that form the class centroids
    Suggesting,     ///< encoding and scoring the unlabeled images
};

/** One report, after each batch. Plain value type: it may be queued to another thread. */
struct SuggestionProgress {
    SuggestStage stage = SuggestStage::LabelledImages;
    std::size_t done = 0;  ///< images of this stage handled so far, skipped ones included
    std::size_t total = 0; ///< images in this stage
    std::vector<Suggestion> suggestions; ///< new since the last report (Suggesting only)
    std::vector<Error> skipped;          ///< images of this batch that could not be read
};

/** The outcome of a whole run. */
struct SuggestReport {
    std::vector<Suggestion> suggestions; ///< one per unlabeled sample that could be read
    std::vector<Error> skipped;          ///< every image that could not be read, named
};

} // namespace tstudio::inference

Q_DECLARE_METATYPE(tstudio::inference::Suggestion)
Q_DECLARE_METATYPE(tstudio::inference::SuggestionProgress)
Q_DECLARE_METATYPE(tstudio::inference::SuggestReport)
