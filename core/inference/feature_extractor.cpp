#include "core/inference/feature_extractor.h"

#include <algorithm>
#include <optional>

#include <torch/torch.h>

#include "core/data/file_batches.h"
#include "core/imaging/preprocess.h"
#include "core/inference/memory_format.h"
#include "core/inference/pretrained_model.h"

namespace tstudio::inference {

namespace {

/** Block index of layer, -1 for "pool"/"neck", -2 for "logits", nullopt for unknown names. */
constexpr int kPool = -1;
constexpr int kLogits = -2;

std::optional<int> resolveLayer(const std::vector<std::string>& blocks, const std::string& layer) {
    if (layer == "pool" || layer == "neck") {
        return kPool;
    }
    if (layer == "logits") {
        return kLogits;
    }
    const auto it = std::find(blocks.begin(), blocks.end(), layer);
    if (it == blocks.end()) {
        return std::nullopt;
    }
    return static_cast<int>(it - blocks.begin());
}

torch::Tensor pooled(const torch::Tensor& map, Pooling pooling) {
    if (map.dim() <= 2) {
        return map.flatten(1);
    }
    switch (pooling) {
    case Pooling::Average:
        return map.flatten(2).mean(/*dim=*/2);
    case Pooling::Max:
        return std::get<0>(map.flatten(2).max(/*dim=*/2));
    case Pooling::None:
        break;
    }
    return map.flatten(1);
}

} // namespace

struct FeatureExtractor::Impl {
    PretrainedModel model;
    FeatureSpec spec;
    int layer = kPool;
    /// The neck or the logits, the faster way (open() sets it for those layers); block
    /// layers run the modules.
    std::optional<graph::FastestForward> whole;

    torch::Tensor run(const torch::Tensor& input) {
        if (whole) {
            return (*whole)(input);
        }
        return pooled(model.net->forwardBlocks(input, 0, layer + 1), spec.pooling);
    }

    /** Runs one batch and appends its rows to table, filed under names. */
    void append(FeatureTable& table, const torch::Tensor& input,
                const std::vector<std::filesystem::path>& names) {
        const torch::Tensor rows = run(input).to(torch::kCPU, torch::kFloat32).contiguous();
        table.width = rows.size(1);
        const float* data = rows.data_ptr<float>();
        table.values.insert(table.values.end(), data, data + rows.numel());
        table.paths.insert(table.paths.end(), names.begin(), names.end());
    }
};

FeatureExtractor::FeatureExtractor(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
FeatureExtractor::FeatureExtractor(FeatureExtractor&&) noexcept = default;
FeatureExtractor& FeatureExtractor::operator=(FeatureExtractor&&) noexcept = default;
FeatureExtractor::~FeatureExtractor() = default;

Result<FeatureExtractor> FeatureExtractor::open(const FeatureSpec& spec) {
    if (spec.batchSize < 1) {
        return fail("The batch size must be at least 1, got " + std::to_string(spec.batchSize));
    }
    try {
        Result<PretrainedModel> model = loadPretrained(spec.model);
        if (!model) {
            return model.error();
        }
        auto impl = std::make_unique<Impl>();
        impl->model = std::move(model).value();
        impl->spec = spec;
        const auto layer = resolveLayer(impl->model.net->blockNames(), spec.layer);
        if (!layer) {
            std::string known;
            for (const std::string& name : FeatureExtractor(std::move(impl)).layerNames()) {
                known += (known.empty() ? "" : ", ") + name;
            }
            return fail("Unknown layer \"" + spec.layer + "\" for " + spec.model.arch +
                        "; known: " + known);
        }
        impl->layer = *layer;
        if (impl->layer == kPool || impl->layer == kLogits) {
            impl->whole =
                fastestForward(impl->model, impl->layer == kPool ? graph::BackboneEnd::Neck
                                                                 : graph::BackboneEnd::Logits);
        }
        return FeatureExtractor(std::move(impl));
    } catch (const std::exception& e) {
        return fail("Cannot prepare " + spec.model.arch + ": " + e.what());
    }
}

std::vector<std::string> FeatureExtractor::layerNames() const {
    std::vector<std::string> names = m_impl->model.net->blockNames();
    names.push_back("pool");
    names.push_back("logits");
    return names;
}

Result<FeatureTable> FeatureExtractor::extract(const std::vector<std::filesystem::path>& paths,
                                               const std::function<void(const Error&)>& onSkipped) {
    FeatureTable table;
    const PretrainedModel& model = m_impl->model;
    try {
        const torch::InferenceMode inference;
        // Loader threads decode the next batches while this thread runs the network.
        data::forEachFileBatch(
            paths, model.transform, m_impl->spec.batchSize,
            [&](const torch::Tensor& images, const std::vector<std::size_t>& indices) {
                std::vector<std::filesystem::path> kept;
                for (std::size_t index : indices) {
                    kept.push_back(paths[index]);
                }
                m_impl->append(table, networkInput(images, model.device, model.channelsLast), kept);
            },
            [&onSkipped](const std::string& failure) {
                if (onSkipped) {
                    onSkipped(fail(failure));
                }
            });
    } catch (const std::exception& e) {
        return fail("Feature extraction failed: " + std::string(e.what()));
    }
    return table;
}

Result<FeatureTable> FeatureExtractor::extract(const std::vector<DecodedImage>& images) {
    FeatureTable table;
    const auto batchSize = static_cast<std::size_t>(m_impl->spec.batchSize);
    const PretrainedModel& model = m_impl->model;
    try {
        const torch::InferenceMode inference;
        for (std::size_t begin = 0; begin < images.size(); begin += batchSize) {
            const std::size_t end = std::min(begin + batchSize, images.size());
            std::vector<torch::Tensor> inputs;
            std::vector<std::filesystem::path> names;
            for (std::size_t i = begin; i < end; ++i) {
                inputs.push_back(imaging::preprocessForEval(*images[i].image, model.transform));
                names.push_back(images[i].name);
            }
            m_impl->append(
                table, networkInput(torch::stack(inputs), model.device, model.channelsLast), names);
        }
    } catch (const std::exception& e) {
        return fail("Feature extraction failed: " + std::string(e.what()));
    }
    return table;
}

} // namespace tstudio::inference
