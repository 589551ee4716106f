#include "core/inference/image_probabilities.h"

#include <exception>
#include <string>

#include "core/imaging/preprocess.h"

namespace tstudio::inference {

std::vector<std::vector<float>> probabilityRows(const torch::Tensor& probabilities) {
    const torch::Tensor rows = probabilities.to(torch::kCPU, torch::kFloat32).contiguous();
    const auto classes = static_cast<std::size_t>(rows.size(1));
    const float* data = rows.data_ptr<float>();
    std::vector<std::vector<float>> out;
    out.reserve(static_cast<std::size_t>(rows.size(0)));
    for (std::int64_t r = 0; r < rows.size(0); ++r) {
        const float* row = data + static_cast<std::size_t>(r) * classes;
        out.emplace_back(row, row + classes);
    }
    return out;
}

Result<std::vector<std::vector<float>>>
probabilitiesOfImages(const std::vector<imaging::RgbImage>& images,
                      const imaging::EvalTransform& transform, const LogitsOfBatch& logits) {
    if (images.empty()) {
        return std::vector<std::vector<float>>{};
    }
    try {
        const torch::InferenceMode inference;
        std::vector<torch::Tensor> inputs;
        inputs.reserve(images.size());
        for (const imaging::RgbImage& image : images) {
            inputs.push_back(imaging::preprocessForEval(image, transform));
        }
        const torch::Tensor out = logits(torch::stack(inputs)).to(torch::kFloat32);
        return probabilityRows(torch::softmax(out, /*dim=*/1));
    } catch (const std::exception& e) { // c10::Error from LibTorch (e.g. out of memory)
        return fail(std::string("Classification failed: ") + e.what());
    }
}

} // namespace tstudio::inference
