#pragma once

// Private to core (torch types): the softmax of a network on decoded images, for every
// classifier that takes pixels (the ImageNet one and a trained bundle).

#include <functional>
#include <vector>

#include <torch/torch.h>

#include "core/common/result.h"
#include "core/imaging/eval_transform.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::inference {

/** A network's logits for a batch of preprocessed images [N, 3, S, S] on the CPU: [N, classes],
    on any device and in any floating type. */
using LogitsOfBatch = std::function<torch::Tensor(const torch::Tensor& images)>;

/** The rows of a [N, classes] tensor of probabilities, as float32 vectors. */
std::vector<std::vector<float>> probabilityRows(const torch::Tensor& probabilities);

/**
 * Each image preprocessed with transform, all of them in one batch through logits, softmax: one
 * row per image, in order. Fails with "Classification failed: ..." when LibTorch throws (out of
 * memory, for one). No images: no rows.
 */
Result<std::vector<std::vector<float>>>
probabilitiesOfImages(const std::vector<imaging::RgbImage>& images,
                      const imaging::EvalTransform& transform, const LogitsOfBatch& logits);

} // namespace tstudio::inference
