#include "core/training/model_suggestions.h"

#include <algorithm>
#include <exception>
#include <string>

#include "core/data/scan_control.h"
#include "core/training/model_bundle.h"

namespace tstudio::training {

namespace {

/** For each class of the model, the dataset's class of that name, or kUnlabeled. */
std::vector<int> classMap(const std::vector<std::string>& modelClasses,
                          const data::Dataset& dataset) {
    std::vector<int> map;
    for (const std::string& name : modelClasses) {
        map.push_back(dataset.classIndex(name) >= 0 ? dataset.classIndex(name) : data::kUnlabeled);
    }
    return map;
}

/** The best and second-best mapped classes of one prediction, renormalised over them. */
inference::Suggestion suggestionOf(const Prediction& prediction, const std::vector<int>& map) {
    inference::Suggestion s;
    double total = 0;
    std::size_t best = map.size();
    std::size_t second = map.size();
    for (std::size_t c = 0; c < map.size() && c < prediction.probabilities.size(); ++c) {
        if (map[c] == data::kUnlabeled) {
            continue;
        }
        const float p = prediction.probabilities[c];
        total += p;
        if (best == map.size() || p > prediction.probabilities[best]) {
            second = best;
            best = c;
        } else if (second == map.size() || p > prediction.probabilities[second]) {
            second = c;
        }
    }
    if (best == map.size() || total <= 0) {
        return s;
    }
    s.label = map[best];
    s.confidence = static_cast<float>(prediction.probabilities[best] / total);
    if (second < map.size()) {
        s.runnerUp = map[second];
        s.runnerUpConfidence = static_cast<float>(prediction.probabilities[second] / total);
    }
    return s;
}

} // namespace

Result<inference::SuggestReport>
suggestFromModel(BundleClassifier& model, const data::Dataset& dataset,
                 const inference::SuggestOptions& options,
                 const std::function<void(const inference::SuggestionProgress&)>& progress,
                 const std::atomic_bool& cancel) {
    if (options.batchSize < 1) {
        return fail("The batch size must be at least 1.");
    }
    const std::vector<int> map = classMap(model.info().classes, dataset);
    if (std::all_of(map.begin(), map.end(), [](int c) { return c == data::kUnlabeled; })) {
        return fail(ErrorKind::Dataset,
                    "The trained model knows none of this dataset's classes: it was trained on "
                    "another dataset, or its classes were renamed since. Train it again.");
    }
    std::vector<std::size_t> unlabeled;
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        const data::Sample& sample = dataset.sample(i);
        if (sample.label == data::kUnlabeled && !sample.excluded) {
            unlabeled.push_back(i);
        }
    }
    inference::SuggestReport report;
    inference::SuggestionProgress step{
        inference::SuggestStage::Suggesting, 0, unlabeled.size(), {}, {}};
    const auto batch = static_cast<std::size_t>(options.batchSize);
    for (std::size_t begin = 0; begin < unlabeled.size(); begin += batch) {
        if (cancel.load(std::memory_order_relaxed)) {
            return fail(data::kCancelledMessage);
        }
        const std::size_t end = std::min(begin + batch, unlabeled.size());
        step.suggestions.clear();
        step.skipped.clear();
        std::vector<std::filesystem::path> paths;
        std::vector<std::size_t> indices;
        for (std::size_t k = begin; k < end; ++k) {
            const data::Sample& sample = dataset.sample(unlabeled[k]);
            if (sample.inMemory()) {
                step.skipped.push_back(fail(sample.path.string() + " record " +
                                            std::to_string(sample.record) +
                                            ": held in memory; the trained model reads files"));
                continue;
            }
            paths.push_back(sample.path);
            indices.push_back(unlabeled[k]);
        }
        std::vector<Prediction> predictions;
        try {
            predictions = model.predict(paths, step.skipped);
        } catch (const std::exception& e) {
            return fail("The trained model failed: " + std::string(e.what()));
        }
        // predict() keeps the inputs' order and leaves out the images it could not read.
        std::size_t k = 0;
        for (const Prediction& prediction : predictions) {
            while (k < paths.size() && paths[k] != prediction.path) {
                ++k;
            }
            if (k == paths.size()) {
                break;
            }
            inference::Suggestion s = suggestionOf(prediction, map);
            s.sampleIndex = indices[k++];
            step.suggestions.push_back(s);
        }
        step.done = end;
        report.suggestions.insert(report.suggestions.end(), step.suggestions.begin(),
                                  step.suggestions.end());
        report.skipped.insert(report.skipped.end(), step.skipped.begin(), step.skipped.end());
        if (progress) {
            progress(step);
        }
    }
    return report;
}

} // namespace tstudio::training
