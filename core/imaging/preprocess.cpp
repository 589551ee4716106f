#include "core/imaging/preprocess.h"

namespace tstudio::imaging {

torch::Tensor toNormalizedTensor(const RgbImage& image, const EvalTransform& transform) {
    const int64_t h = image.height;
    const int64_t w = image.width;
    torch::Tensor tensor = torch::empty({3, h, w}, torch::kFloat32);
    float* out = tensor.data_ptr<float>();
    const std::size_t plane = static_cast<std::size_t>(h * w);
    for (int c = 0; c < 3; ++c) {
        const float mean = transform.mean[static_cast<std::size_t>(c)];
        const float stdDev = transform.std[static_cast<std::size_t>(c)];
        float* channel = out + plane * static_cast<std::size_t>(c);
        const std::uint8_t* in = image.pixels.data() + c;
        for (std::size_t i = 0; i < plane; ++i, in += 3) {
            // Two float32 roundings, as torchvision's div(255) then sub_(mean).div_(std).
            const float unit = static_cast<float>(*in) / 255.0f;
            channel[i] = (unit - mean) / stdDev;
        }
    }
    return tensor;
}

torch::Tensor preprocessForEval(const RgbImage& image, const EvalTransform& transform) {
    return toNormalizedTensor(resizeAndCenterCrop(image, transform), transform);
}

} // namespace tstudio::imaging
