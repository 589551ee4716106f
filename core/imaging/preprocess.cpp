#include "core/imaging/preprocess.h"

namespace tstudio::imaging {

torch::Tensor toNormalizedTensor(const RgbImage& image, const EvalTransform& transform) {
    torch::Tensor tensor = torch::empty({3, image.height, image.width}, torch::kFloat32);
    writeNormalized(image, transform, tensor.data_ptr<float>());
    return tensor;
}

torch::Tensor preprocessForEval(const RgbImage& image, const EvalTransform& transform) {
    return toNormalizedTensor(resizeAndCenterCrop(image, transform), transform);
}

} // namespace tstudio::imaging
