// BundleClassifier's evaluation: one pass over a dataset split that yields the aggregate metrics
// and every image's outcome. evaluate() is this pass with the images dropped.

#include <algorithm>

#include "core/data/batch_loader.h"
#include "core/data/decoded_image_cache.h"
#include "core/training/bundle_classifier_impl.h"
#include "core/training/metrics.h"
#include "core/training/model_bundle.h"

namespace tstudio::training {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty()) {
            text += ", ";
        }
        text += name;
    }
    return text;
}

bool cancelled(const std::atomic_bool* cancel) {
    return cancel != nullptr && cancel->load();
}

} // namespace

Result<EvaluationResult> BundleClassifier::evaluate(const data::Dataset& dataset, data::Split split,
                                                    const EvaluationProgress& progress) {
    auto report = evaluateReport(dataset, split, progress);
    if (!report) {
        return report.error();
    }
    return std::move(report->summary);
}

Result<EvaluationReport> BundleClassifier::evaluateReport(const data::Dataset& dataset,
                                                          data::Split split,
                                                          const EvaluationProgress& progress,
                                                          const std::atomic_bool* cancel) {
    const auto& classes = m_impl->info.classes;
    // The dataset's label -> the bundle's class index, by name.
    std::vector<std::int64_t> labelMap;
    for (const std::string& name : dataset.classes()) {
        const auto it = std::find(classes.begin(), classes.end(), name);
        labelMap.push_back(it == classes.end() ? -1 : it - classes.begin());
    }
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        const data::Sample& s = dataset.sample(i);
        if (!s.usable() || (split != data::Split::None && s.split != split)) {
            continue;
        }
        if (labelMap[static_cast<std::size_t>(s.label)] < 0) {
            std::string message = "The dataset's class \"";
            message += dataset.classes()[static_cast<std::size_t>(s.label)];
            message += "\" is not one the model knows (it knows: ";
            message += joined(classes);
            message += ").";
            return fail(std::move(message));
        }
        indices.push_back(i);
    }
    if (indices.empty()) {
        return fail("There are no labelled images to evaluate in the " + data::splitName(split) +
                    " split.");
    }
    // The pixels predict() computes for the same photo (one evaluation transform). Each image
    // is read once here, so nothing is spilled to the disk cache.
    data::CacheOptions source = data::evaluationSource(m_impl->info.preprocessing);
    source.diskDir.clear();
    data::DecodedImageCache cache(source);
    data::LoaderOptions options;
    options.batchSize = 32;
    options.workers = 2;
    options.shuffle = false;
    options.augment = false;
    options.eval = m_impl->info.preprocessing;
    data::BatchLoader loader(dataset, indices, cache, options);
    loader.startEpoch(0);
    const torch::Tensor map = torch::tensor(labelMap, torch::kInt64);
    MetricAccumulator metrics(static_cast<int>(classes.size()), m_impl->device);
    EvaluationReport report;
    report.classes = classes;
    report.images.reserve(indices.size());
    torch::InferenceMode inference;
    std::int64_t done = 0;
    while (auto batch = loader.next()) {
        if (cancelled(cancel)) {
            loader.requestStop();
            return fail("Evaluation cancelled.");
        }
        for (const std::string& failure : batch->failures) {
            report.unreadable.push_back(fail(failure));
        }
        done += static_cast<std::int64_t>(batch->samples.size() + batch->failures.size());
        if (batch->labels.numel() > 0) {
            const torch::Tensor labels = map.index_select(0, batch->labels).to(m_impl->device);
            const torch::Tensor logits = m_impl->logits(batch->images);
            const torch::Tensor logits32 = logits.to(torch::kFloat32);
            // Per image, so the report can rank the most confidently wrong; their sum is the
            // summary's loss.
            const torch::Tensor losses = torch::nn::functional::cross_entropy(
                logits32, labels,
                torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
            metrics.add(logits, labels, losses.sum());

            const torch::Tensor probabilities =
                torch::softmax(logits32, 1).to(torch::kCPU).contiguous();
            const torch::Tensor predicted = logits.argmax(1).to(torch::kCPU);
            const torch::Tensor lossesCpu = losses.to(torch::kFloat64).to(torch::kCPU);
            const torch::Tensor labelsCpu = labels.to(torch::kCPU);
            const auto numClasses = static_cast<std::size_t>(probabilities.size(1));
            for (std::size_t k = 0; k < batch->samples.size(); ++k) {
                const auto row = static_cast<std::int64_t>(k);
                ImageOutcome outcome;
                outcome.sample = batch->samples[k];
                outcome.path = dataset.sample(outcome.sample).path;
                outcome.trueClass = static_cast<int>(labelsCpu[row].item<std::int64_t>());
                outcome.predicted = static_cast<int>(predicted[row].item<std::int64_t>());
                const float* first = probabilities.data_ptr<float>() + k * numClasses;
                outcome.probabilities.assign(first, first + numClasses);
                outcome.loss = lossesCpu[row].item<double>();
                report.images.push_back(std::move(outcome));
            }
        }
        if (progress) {
            progress(done, static_cast<std::int64_t>(indices.size()));
        }
    }
    if (cancelled(cancel)) {
        return fail("Evaluation cancelled.");
    }
    report.summary = metrics.result();
    return report;
}

} // namespace tstudio::training
