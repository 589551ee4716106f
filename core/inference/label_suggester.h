#pragma once

// Public, torch-free: label suggestions from a pretrained backbone's features.

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/inference/label_suggestion.h"
#include "core/inference/model_spec.h"

namespace tstudio::inference {

/**
 * Proposes a label for every unlabeled image of a dataset once a few images per class are
 * labelled: each image's pooled backbone features (the "pool" layer) are compared with the
 * centroid of each class's labelled images (NearestCentroid), and the nearest class is
 * suggested with a softmax confidence.
 *
 * Features are kept per image (FeatureCache), so calling suggest() again after labels changed
 * only encodes images not seen before or whose files changed; the scoring itself is cheap.
 * Memory: one row per image seen (1280 floats, 5 KB, for MobileNetV2).
 *
 * Not thread-safe: create it, call suggest() and destroy it on one worker thread at a time (the
 * GUI keeps one per project on its worker). Never throws.
 */
class LabelSuggester {
public:
    /** Called on the thread that runs suggest(), after every step. */
    using Progress = std::function<void(const SuggestionProgress&)>;

    /** Loads the backbone as ImageClassifier::open does (weights, device, input size). */
    static Result<LabelSuggester> open(const ModelSpec& spec);

    LabelSuggester(LabelSuggester&&) noexcept;
    LabelSuggester& operator=(LabelSuggester&&) noexcept;
    ~LabelSuggester();

    /**
     * Suggests a label for every sample of dataset that is unlabeled and not excluded.
     * Order of work: the labelled (usable) samples first, to form the class centroids, then the
     * unlabeled ones in sample order, options.batchSize images encoded per step. After every
     * step progress (optional) gets that step's new suggestions, so they can be shown before the
     * run ends. cancel is read before every step: once set, the run stops within one batch and
     * fails with data::kCancelledMessage (what was encoded stays cached for the next run).
     * Images that cannot be read (undecodable, missing) are skipped and reported, in progress
     * and in the report, not fatal. Classes without a labelled image get no suggestions.
     * Fails (ErrorKind::Dataset) when fewer than two classes have a labelled image that can be
     * read, and when the model itself fails.
     */
    Result<SuggestReport> suggest(const data::Dataset& dataset, const SuggestOptions& options,
                                  const Progress& progress, const std::atomic_bool& cancel);

    /** Work counters since open(), for tests and benchmarks. */
    struct Stats {
        std::size_t encoded = 0; ///< images run through the backbone
        std::size_t reused = 0;  ///< images whose cached features (or failure) were used
    };
    Stats stats() const;

    /** Forgets every cached feature row. */
    void clearCache();

private:
    struct Impl;
    explicit LabelSuggester(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tstudio::inference
