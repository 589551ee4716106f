#pragma once

// Private to core: torch types. ui/ and app/ use eval_transform.h and the inference classes.

#include <vector>

#include <torch/torch.h>

#include "core/imaging/eval_transform.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::imaging {

/**
 * ToTensor + Normalize: [3, H, W] float32, (pixel / 255 - mean) / std in float32, the same
 * operations in the same order as torchvision, so the values match bit for bit. Any thread.
 */
torch::Tensor toNormalizedTensor(const RgbImage& image, const EvalTransform& transform);

/** The whole evaluation transform of one decoded image: [3, crop, crop]. */
torch::Tensor preprocessForEval(const RgbImage& image, const EvalTransform& transform);

} // namespace tstudio::imaging
