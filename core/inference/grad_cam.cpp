#include "core/inference/grad_cam.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/imaging/preprocess.h"

namespace tstudio::inference {

GradCamTensors computeGradCam(const NetworkPart& prefix, const NetworkPart& suffix,
                              const torch::Tensor& input, int classIndex) {
    // The caller may run with gradients off (a worker's NoGradGuard); Grad-CAM needs them past A.
    torch::Tensor activation;
    {
        const torch::NoGradGuard noGrad; // nothing before A needs a gradient
        activation = prefix(input);
    }
    if (activation.dim() != 4) {
        throw std::invalid_argument("Grad-CAM needs a 4-D activation, got " +
                                    std::to_string(activation.dim()) + "-D");
    }
    const torch::AutoGradMode gradients(true);
    activation = activation.detach().requires_grad_(true);
    const torch::Tensor logits = suffix(activation);
    const int classes = static_cast<int>(logits.size(1));
    if (classIndex < 0) {
        classIndex = static_cast<int>(logits[0].argmax().item<std::int64_t>());
    } else if (classIndex >= classes) {
        throw std::invalid_argument("class " + std::to_string(classIndex) +
                                    " is out of range: the model has " + std::to_string(classes) +
                                    " classes");
    }
    const torch::Tensor score = logits.select(/*dim=*/1, classIndex).sum();
    const torch::Tensor gradient = torch::autograd::grad({score}, {activation})[0];
    torch::Tensor cam;
    {
        const torch::NoGradGuard noGrad;
        const torch::Tensor weights = gradient.mean({2, 3}, /*keepdim=*/true);
        cam =
            torch::relu((weights * activation).sum(/*dim=*/1))[0].to(torch::kCPU, torch::kFloat32);
        const float peak = cam.max().item<float>();
        // All zero: no part of the activation speaks for the class, so the map says so.
        cam = std::isfinite(peak) && peak > 0.0f ? cam / peak : torch::zeros_like(cam);
    }
    GradCamTensors out;
    out.logits = logits.detach().to(torch::kCPU, torch::kFloat32);
    out.cam = cam.contiguous();
    out.classIndex = classIndex;
    return out;
}

imaging::HeatMap heatMapOnImage(const torch::Tensor& cam, int width, int height,
                                const imaging::EvalTransform& transform, int classIndex) {
    imaging::HeatMap map;
    map.width = width;
    map.height = height;
    map.classIndex = classIndex;
    map.values.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0.0f);
    const torch::Tensor values = cam.to(torch::kCPU, torch::kFloat32).contiguous();
    const int camHeight = static_cast<int>(values.size(0));
    const int camWidth = static_cast<int>(values.size(1));
    const float* c = values.data_ptr<float>();
    const imaging::CropGeometry g = imaging::cropGeometry(width, height, transform);
    const double toResizedX = static_cast<double>(g.resizedWidth) / width;
    const double toResizedY = static_cast<double>(g.resizedHeight) / height;
    const double toCamX = static_cast<double>(camWidth) / g.crop;
    const double toCamY = static_cast<double>(camHeight) / g.crop;

    // One source coordinate and weight pair per column, computed once.
    struct Tap {
        int lo = 0, hi = 0;
        float t = 0.0f;
        bool inside = false;
    };
    const auto taps = [&](int count, double toResized, int offset, double toCam, int camSize) {
        std::vector<Tap> out(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) {
            const double inCrop = (i + 0.5) * toResized - offset;
            Tap& tap = out[static_cast<std::size_t>(i)];
            tap.inside = inCrop >= 0.0 && inCrop < g.crop;
            const double s = std::clamp(inCrop * toCam - 0.5, 0.0, camSize - 1.0);
            tap.lo = static_cast<int>(s);
            tap.hi = std::min(tap.lo + 1, camSize - 1);
            tap.t = static_cast<float>(s - tap.lo);
        }
        return out;
    };
    const std::vector<Tap> columns = taps(width, toResizedX, g.left, toCamX, camWidth);
    const std::vector<Tap> rows = taps(height, toResizedY, g.top, toCamY, camHeight);
    for (int y = 0; y < height; ++y) {
        const Tap& r = rows[static_cast<std::size_t>(y)];
        if (!r.inside) {
            continue;
        }
        const float* top = c + static_cast<std::ptrdiff_t>(r.lo) * camWidth;
        const float* bottom = c + static_cast<std::ptrdiff_t>(r.hi) * camWidth;
        float* out = map.values.data() + static_cast<std::size_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            const Tap& k = columns[static_cast<std::size_t>(x)];
            if (!k.inside) {
                continue;
            }
            const float upper = top[k.lo] + (top[k.hi] - top[k.lo]) * k.t;
            const float lower = bottom[k.lo] + (bottom[k.hi] - bottom[k.lo]) * k.t;
            out[x] = std::clamp(upper + (lower - upper) * r.t, 0.0f, 1.0f);
        }
    }
    return map;
}

Result<ImageGradCam> gradCamOfImage(const NetworkPart& prefix, const NetworkPart& suffix,
                                    const imaging::RgbImage& image,
                                    const imaging::EvalTransform& transform, torch::Device device,
                                    int classIndex) {
    if (image.empty()) {
        return fail("Grad-CAM needs a non-empty image.");
    }
    try {
        const torch::Tensor input =
            imaging::preprocessForEval(image, transform).unsqueeze(0).to(device);
        const GradCamTensors cam = computeGradCam(prefix, suffix, input, classIndex);
        ImageGradCam out;
        const torch::Tensor probabilities = torch::softmax(cam.logits[0], /*dim=*/0).contiguous();
        out.probabilities.assign(probabilities.data_ptr<float>(),
                                 probabilities.data_ptr<float>() + probabilities.numel());
        out.heatMap = heatMapOnImage(cam.cam, image.width, image.height, transform, cam.classIndex);
        return out;
    } catch (const std::exception& e) { // c10::Error, or a class index out of range
        return fail("Grad-CAM failed: " + std::string(e.what()));
    }
}

} // namespace tstudio::inference
