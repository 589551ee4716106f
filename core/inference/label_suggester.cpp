#include "core/inference/label_suggester.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <utility>

#include "core/data/scan_control.h"
#include "core/inference/feature_cache.h"
#include "core/inference/feature_extractor.h"
#include "core/inference/nearest_centroid.h"

namespace tstudio::inference {

namespace {

/** The extractor's own batch; suggest() hands it options.batchSize images at a time. */
constexpr int kExtractorBatch = 1024;

/** One sample of a step, after its features were looked up or computed. */
struct Resolved {
    std::size_t sample = 0;
    std::shared_ptr<const FeatureCache::Entry> entry; ///< null when the file is gone
    std::optional<Error> error;                       ///< why the image could not be read
};

void normalise(std::vector<float>& row) {
    double norm = 0;
    for (float x : row) {
        norm += static_cast<double>(x) * x;
    }
    if (norm > 0) {
        const auto scale = static_cast<float>(1.0 / std::sqrt(norm));
        for (float& x : row) {
            x *= scale;
        }
    }
}

Error needTwoClasses(const data::Dataset& dataset, const std::vector<std::size_t>& counts,
                     const std::string& what) {
    std::string labelled;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] > 0) {
            labelled += (labelled.empty() ? "" : ", ") + dataset.classes()[c] + " " +
                        std::to_string(counts[c]);
        }
    }
    return fail(ErrorKind::Dataset, "Label at least one image in two classes to get suggestions (" +
                                        what + ": " +
                                        (labelled.empty() ? std::string("none") : labelled) + ").");
}

} // namespace

struct LabelSuggester::Impl {
    FeatureExtractor extractor;
    FeatureCache cache;
    Stats stats;

    explicit Impl(FeatureExtractor e) : extractor(std::move(e)) {}

    /** Encodes the samples in todo (files, or in-memory records) and caches a row or an error
        for each. Fails only when the model fails. */
    Status encode(const data::Dataset& dataset,
                  const std::vector<std::pair<std::size_t, ImageStamp>>& todo);

    /**
     * Walks samples in steps that each encode at most batchSize images (cached ones ride along
     * for free), calling step with each step's samples resolved. Fails with kCancelledMessage
     * when cancel is set before a step, or when the model fails.
     */
    Status forEachStep(const data::Dataset& dataset, const std::vector<std::size_t>& samples,
                       int batchSize, const std::atomic_bool& cancel,
                       const std::function<void(std::vector<Resolved>)>& step);

    /** Encodes the labelled samples (reporting as it goes) and fits the class centroids. */
    Result<NearestCentroid> fitCentroids(const data::Dataset& dataset,
                                         const std::vector<std::size_t>& labelled,
                                         const SuggestOptions& options, const Progress& progress,
                                         const std::atomic_bool& cancel, SuggestReport& report);

    /** Encodes and scores the unlabeled samples, reporting each step's suggestions. */
    Status suggestAll(const data::Dataset& dataset, const std::vector<std::size_t>& unlabeled,
                      const NearestCentroid& centroids, const SuggestOptions& options,
                      const Progress& progress, const std::atomic_bool& cancel,
                      SuggestReport& report);
};

Status LabelSuggester::Impl::encode(const data::Dataset& dataset,
                                    const std::vector<std::pair<std::size_t, ImageStamp>>& todo) {
    std::vector<std::filesystem::path> files;
    std::vector<const ImageStamp*> fileStamps;
    std::vector<DecodedImage> records;
    std::vector<const ImageStamp*> recordStamps;
    for (const auto& [index, stamp] : todo) {
        const data::Sample& sample = dataset.sample(index);
        if (sample.inMemory()) {
            records.push_back({stamp.key, sample.image});
            recordStamps.push_back(&stamp);
        } else {
            files.push_back(sample.path);
            fileStamps.push_back(&stamp);
        }
    }
    // The table keeps the inputs' order and leaves out the ones that failed, so walking both
    // lists side by side pairs each input with its row or, in order, with its error.
    const auto storeRows = [this](const FeatureTable& table,
                                  const std::vector<std::filesystem::path>& names,
                                  const std::vector<const ImageStamp*>& stamps,
                                  const std::vector<Error>& errors) {
        std::size_t row = 0;
        std::size_t error = 0;
        for (std::size_t i = 0; i < names.size(); ++i) {
            FeatureCache::Entry entry;
            if (row < table.paths.size() && table.paths[row] == names[i]) {
                const float* first =
                    table.values.data() + row * static_cast<std::size_t>(table.width);
                entry.features.assign(first, first + table.width);
                normalise(entry.features);
                ++row;
                ++stats.encoded;
            } else {
                entry.error = error < errors.size() ? errors[error++]
                                                    : fail(names[i].string() + ": cannot be read");
            }
            cache.store(*stamps[i], std::move(entry));
        }
    };
    if (!files.empty()) {
        std::vector<Error> errors;
        Result<FeatureTable> table =
            extractor.extract(files, [&errors](const Error& e) { errors.push_back(e); });
        if (!table) {
            return table.error();
        }
        storeRows(*table, files, fileStamps, errors);
    }
    if (!records.empty()) {
        Result<FeatureTable> table = extractor.extract(records);
        if (!table) {
            return table.error();
        }
        std::vector<std::filesystem::path> names;
        for (const DecodedImage& record : records) {
            names.push_back(record.name);
        }
        storeRows(*table, names, recordStamps, {});
    }
    return success();
}

Status LabelSuggester::Impl::forEachStep(const data::Dataset& dataset,
                                         const std::vector<std::size_t>& samples, int batchSize,
                                         const std::atomic_bool& cancel,
                                         const std::function<void(std::vector<Resolved>)>& step) {
    std::size_t next = 0;
    while (next < samples.size()) {
        if (cancel.load(std::memory_order_relaxed)) {
            return fail(data::kCancelledMessage);
        }
        // Gather the step: stamp each sample, and stop once batchSize distinct images need the
        // network. A file listed twice is encoded once.
        std::vector<std::pair<std::size_t, Result<ImageStamp>>> items;
        std::vector<std::pair<std::size_t, ImageStamp>> todo;
        std::unordered_set<std::string> pending;
        while (next < samples.size() && todo.size() < static_cast<std::size_t>(batchSize)) {
            const std::size_t index = samples[next++];
            Result<ImageStamp> stamp = FeatureCache::stamp(dataset.sample(index));
            if (stamp && cache.find(*stamp) != nullptr) {
                ++stats.reused;
            } else if (stamp && pending.insert(stamp->key).second) {
                todo.emplace_back(index, *stamp);
            }
            items.emplace_back(index, std::move(stamp));
        }
        if (Status encoded = encode(dataset, todo); !encoded) {
            return encoded;
        }
        std::vector<Resolved> resolved;
        resolved.reserve(items.size());
        for (const auto& [index, stamp] : items) {
            Resolved r;
            r.sample = index;
            if (!stamp) {
                r.error = stamp.error();
            } else {
                r.entry = cache.find(*stamp);
                if (!r.entry) {
                    // A file listed twice in this step that changed between the two looks.
                    r.error = fail(dataset.sample(index).path.string() +
                                   ": changed while it was read; run the suggestions again");
                } else if (r.entry->error) {
                    r.error = r.entry->error;
                }
            }
            resolved.push_back(std::move(r));
        }
        step(std::move(resolved));
    }
    return success();
}

LabelSuggester::LabelSuggester(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LabelSuggester::LabelSuggester(LabelSuggester&&) noexcept = default;
LabelSuggester& LabelSuggester::operator=(LabelSuggester&&) noexcept = default;
LabelSuggester::~LabelSuggester() = default;

Result<LabelSuggester> LabelSuggester::open(const ModelSpec& spec) {
    FeatureSpec features;
    features.model = spec;
    features.layer = "pool";
    features.batchSize = kExtractorBatch;
    Result<FeatureExtractor> extractor = FeatureExtractor::open(features);
    if (!extractor) {
        return extractor.error();
    }
    return LabelSuggester(std::make_unique<Impl>(std::move(extractor).value()));
}

LabelSuggester::Stats LabelSuggester::stats() const {
    return m_impl->stats;
}

void LabelSuggester::clearCache() {
    m_impl->cache.clear();
}

Result<NearestCentroid> LabelSuggester::Impl::fitCentroids(const data::Dataset& dataset,
                                                           const std::vector<std::size_t>& labelled,
                                                           const SuggestOptions& options,
                                                           const Progress& progress,
                                                           const std::atomic_bool& cancel,
                                                           SuggestReport& report) {
    // The entries keep the rows alive until the centroids are fitted.
    std::vector<std::shared_ptr<const FeatureCache::Entry>> entries;
    std::vector<std::span<const float>> rows;
    std::vector<int> labels;
    std::vector<std::size_t> readable(dataset.classes().size(), 0);
    SuggestionProgress step{SuggestStage::LabelledImages, 0, labelled.size(), {}, {}};
    const Status encoded =
        forEachStep(dataset, labelled, options.batchSize, cancel, [&](std::vector<Resolved> items) {
            step.done += items.size();
            step.skipped.clear();
            for (Resolved& r : items) {
                if (r.error) {
                    step.skipped.push_back(*r.error);
                    report.skipped.push_back(std::move(*r.error));
                    continue;
                }
                const int label = dataset.sample(r.sample).label;
                rows.emplace_back(r.entry->features);
                entries.push_back(std::move(r.entry));
                labels.push_back(label);
                ++readable[static_cast<std::size_t>(label)];
            }
            if (progress) {
                progress(step);
            }
        });
    if (!encoded) {
        return encoded.error();
    }
    if (std::count_if(readable.begin(), readable.end(), [](std::size_t n) { return n > 0; }) < 2) {
        return needTwoClasses(dataset, readable, "labelled images that could be read");
    }
    return NearestCentroid::fit(rows, labels, static_cast<int>(dataset.classes().size()),
                                options.temperature);
}

Status LabelSuggester::Impl::suggestAll(const data::Dataset& dataset,
                                        const std::vector<std::size_t>& unlabeled,
                                        const NearestCentroid& centroids,
                                        const SuggestOptions& options, const Progress& progress,
                                        const std::atomic_bool& cancel, SuggestReport& report) {
    SuggestionProgress step{SuggestStage::Suggesting, 0, unlabeled.size(), {}, {}};
    return forEachStep(dataset, unlabeled, options.batchSize, cancel,
                       [&](std::vector<Resolved> items) {
                           step.done += items.size();
                           step.suggestions.clear();
                           step.skipped.clear();
                           for (Resolved& r : items) {
                               if (r.error) {
                                   step.skipped.push_back(*r.error);
                                   report.skipped.push_back(std::move(*r.error));
                                   continue;
                               }
                               Suggestion suggestion = centroids.score(r.entry->features);
                               suggestion.sampleIndex = r.sample;
                               step.suggestions.push_back(suggestion);
                               report.suggestions.push_back(suggestion);
                           }
                           if (progress) {
                               progress(step);
                           }
                       });
}

Result<SuggestReport> LabelSuggester::suggest(const data::Dataset& dataset,
                                              const SuggestOptions& options,
                                              const Progress& progress,
                                              const std::atomic_bool& cancel) {
    if (options.batchSize < 1 || !(options.temperature > 0)) {
        return fail("The batch size must be at least 1 and the temperature above 0.");
    }
    const std::vector<std::size_t> counts = dataset.countPerClass();
    if (std::count_if(counts.begin(), counts.end(), [](std::size_t n) { return n > 0; }) < 2) {
        return needTwoClasses(dataset, counts, "labelled now");
    }
    std::vector<std::size_t> labelled;
    std::vector<std::size_t> unlabeled;
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        const data::Sample& sample = dataset.sample(i);
        if (sample.usable()) {
            labelled.push_back(i);
        } else if (sample.label == data::kUnlabeled && !sample.excluded) {
            unlabeled.push_back(i);
        }
    }
    SuggestReport report;
    Result<NearestCentroid> centroids =
        m_impl->fitCentroids(dataset, labelled, options, progress, cancel, report);
    if (!centroids) {
        return centroids.error();
    }
    const Status suggested =
        m_impl->suggestAll(dataset, unlabeled, *centroids, options, progress, cancel, report);
    if (!suggested) {
        return suggested.error();
    }
    return report;
}

} // namespace tstudio::inference
