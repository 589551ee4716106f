// BundleClassifier::gradCam: the bundle's network split at its last block for Grad-CAM.

#include <algorithm>
#include <string>

#include "core/imaging/image_decoder.h"
#include "core/inference/grad_cam.h"
#include "core/training/bundle_classifier_impl.h"

namespace tstudio::training {

Result<GradCamResult> BundleClassifier::gradCam(const std::filesystem::path& path, int classIndex) {
    auto image = imaging::decodeImage(path);
    if (!image) {
        return image.error();
    }
    return gradCam(*image, classIndex, path);
}

Result<GradCamResult> BundleClassifier::gradCam(const imaging::RgbImage& image, int classIndex,
                                                const std::filesystem::path& path) {
    const auto classes = static_cast<int>(m_impl->info.classes.size());
    if (classIndex < -1 || classIndex >= classes) {
        return fail("Grad-CAM: class " + std::to_string(classIndex) +
                    " is not one of the model's " + std::to_string(classes) + " classes.");
    }
    TransferNet& net = *m_impl->net;
    // The cut after the last block: A is its 4-D output, the suffix is pooling/neck and head.
    const CutPoint cut{net.blockCount(), /*throughPooling=*/false};
    auto cam =
        inference::gradCamOfImage([&](const torch::Tensor& x) { return net.forwardPrefix(x, cut); },
                                  [&](const torch::Tensor& a) { return net.forwardSuffix(a, cut); },
                                  image, m_impl->info.preprocessing, m_impl->device, classIndex);
    if (!cam) {
        return fail((path.empty() ? std::string() : path.string() + ": ") + cam.message());
    }
    GradCamResult result;
    result.prediction.path = path;
    result.prediction.probabilities = std::move(cam->probabilities);
    const auto& p = result.prediction.probabilities;
    result.prediction.predicted =
        static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    result.heatMap = std::move(cam->heatMap);
    return result;
}

} // namespace tstudio::training
