#include "core/inference/image_classifier.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include <torch/torch.h>

#include "core/imaging/image_decoder.h"
#include "core/inference/grad_cam.h"
#include "core/inference/image_probabilities.h"
#include "core/inference/imagenet_classes.h"
#include "core/inference/memory_format.h"
#include "core/inference/pretrained_model.h"

namespace tstudio::inference {

struct ImageClassifier::Impl {
    PretrainedModel model;
    int64_t classes = 0;
    /// The logits, the faster way (Grad-CAM needs the eager modules' gradients).
    std::optional<graph::FastestForward> logits;
};

ImageClassifier::ImageClassifier(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ImageClassifier::ImageClassifier(ImageClassifier&&) noexcept = default;
ImageClassifier& ImageClassifier::operator=(ImageClassifier&&) noexcept = default;
ImageClassifier::~ImageClassifier() = default;

Result<ImageClassifier> ImageClassifier::open(const ModelSpec& spec) {
    try {
        Result<PretrainedModel> model = loadPretrained(spec);
        if (!model) {
            return model.error();
        }
        auto impl = std::make_unique<Impl>();
        impl->model = std::move(model).value();
        impl->classes = impl->model.net->numClasses();
        impl->logits = fastestForward(impl->model, graph::BackboneEnd::Logits);
        return ImageClassifier(std::move(impl));
    } catch (const std::exception& e) { // c10::Error from LibTorch (e.g. device out of memory)
        return fail("Cannot prepare " + spec.arch + ": " + e.what());
    }
}

namespace {

/** Runs the network on one prepared batch: [N, classes] float32 on the CPU. */
torch::Tensor forwardBatch(graph::FastestForward& logits, const ImageBatch& batch) {
    const torch::InferenceMode inference;
    return logits(batch.input).to(torch::kCPU, torch::kFloat32).contiguous();
}

} // namespace

Result<std::vector<float>> ImageClassifier::logits(const std::filesystem::path& path) {
    ImageBatch batch = prepareBatch(m_impl->model, {path});
    if (!batch.failed.empty()) {
        return batch.failed.front();
    }
    try {
        const torch::Tensor out = forwardBatch(*m_impl->logits, batch);
        const float* data = out.data_ptr<float>();
        return std::vector<float>(data, data + out.numel());
    } catch (const std::exception& e) {
        return fail(path.string() + ": inference failed: " + e.what());
    }
}

Status ImageClassifier::classifyAll(const std::vector<std::filesystem::path>& paths, int topk,
                                    int batchSize,
                                    const std::function<void(const Prediction&)>& onPrediction,
                                    const std::function<void(const Error&)>& onSkipped) {
    const auto step = static_cast<std::size_t>(std::max(batchSize, 1));
    for (std::size_t begin = 0; begin < paths.size(); begin += step) {
        const std::vector<std::filesystem::path> chunk(
            paths.begin() + static_cast<std::ptrdiff_t>(begin),
            paths.begin() + static_cast<std::ptrdiff_t>(std::min(begin + step, paths.size())));
        const ImageBatch batch = prepareBatch(m_impl->model, chunk);
        for (const Error& error : batch.failed) {
            if (onSkipped) {
                onSkipped(error);
            }
        }
        if (batch.kept.empty()) {
            continue;
        }
        try {
            const torch::Tensor probabilities =
                torch::softmax(forwardBatch(*m_impl->logits, batch), /*dim=*/1);
            const int64_t k = std::clamp<int64_t>(topk, 1, probabilities.size(1));
            const auto [values, indices] = probabilities.topk(k, /*dim=*/1);
            for (std::size_t row = 0; row < batch.kept.size(); ++row) {
                Prediction prediction;
                prediction.path = chunk[batch.kept[row]];
                const auto r = static_cast<int64_t>(row);
                for (int64_t i = 0; i < k; ++i) {
                    const int index = static_cast<int>(indices[r][i].item<int64_t>());
                    prediction.top.push_back({index, label(index), values[r][i].item<float>()});
                }
                onPrediction(prediction);
            }
        } catch (const std::exception& e) {
            return fail("Inference failed: " + std::string(e.what()));
        }
    }
    return success();
}

Result<Prediction> ImageClassifier::classify(const std::filesystem::path& path, int topk) {
    std::optional<Prediction> result;
    std::optional<Error> skipped;
    const Status status = classifyAll(
        {path}, topk, 1, [&](const Prediction& p) { result = p; },
        [&](const Error& e) { skipped = e; });
    if (!status) {
        return status.error();
    }
    if (skipped) {
        return *skipped;
    }
    return std::move(*result);
}

Result<std::vector<std::vector<float>>>
ImageClassifier::probabilities(const std::vector<imaging::RgbImage>& images) {
    PretrainedModel& model = m_impl->model;
    return probabilitiesOfImages(images, model.transform, [&](const torch::Tensor& batch) {
        return (*m_impl->logits)(networkInput(batch, model.device, model.channelsLast));
    });
}

int ImageClassifier::classCount() const {
    return static_cast<int>(m_impl->classes);
}

Result<GradCamResult> ImageClassifier::gradCam(const std::filesystem::path& path, int classIndex,
                                               int topk) {
    auto image = imaging::decodeImage(path);
    if (!image) {
        return image.error();
    }
    return gradCam(*image, classIndex, topk, path);
}

Result<GradCamResult> ImageClassifier::gradCam(const imaging::RgbImage& image, int classIndex,
                                               int topk, const std::filesystem::path& path) {
    if (classIndex < -1 || classIndex >= m_impl->classes) {
        return fail("Grad-CAM: class " + std::to_string(classIndex) +
                    " is not one of the model's " + std::to_string(m_impl->classes) + " classes.");
    }
    models::Backbone& net = m_impl->model.net;
    const int blocks = static_cast<int>(net->blockNames().size());
    auto cam = gradCamOfImage(
        [&](const torch::Tensor& x) { return net->forwardBlocks(x, 0, blocks); },
        [&](const torch::Tensor& a) { return net->head()->forward(net->forwardNeck(a)); }, image,
        m_impl->model.transform, m_impl->model.device, classIndex);
    if (!cam) {
        return fail((path.empty() ? std::string() : path.string() + ": ") + cam.message());
    }
    GradCamResult result;
    result.prediction.path = path;
    std::vector<int> order(cam->probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    const auto k = static_cast<std::ptrdiff_t>(
        std::clamp<std::size_t>(static_cast<std::size_t>(std::max(topk, 1)), 1, order.size()));
    std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) {
        return cam->probabilities[static_cast<std::size_t>(a)] >
               cam->probabilities[static_cast<std::size_t>(b)];
    });
    for (std::ptrdiff_t i = 0; i < k; ++i) {
        const int index = order[static_cast<std::size_t>(i)];
        result.prediction.top.push_back(
            {index, label(index), cam->probabilities[static_cast<std::size_t>(index)]});
    }
    result.heatMap = std::move(cam->heatMap);
    return result;
}

int ImageClassifier::inputSize() const {
    return m_impl->model.transform.cropSize;
}

std::filesystem::path ImageClassifier::weightsPath() const {
    return m_impl->model.weightsPath;
}

std::string ImageClassifier::label(int index) const {
    const auto& names = imagenetClassNames();
    if (m_impl->classes == static_cast<int64_t>(names.size()) && index >= 0 &&
        index < static_cast<int>(names.size())) {
        return names[static_cast<std::size_t>(index)];
    }
    return "class " + std::to_string(index);
}

} // namespace tstudio::inference
