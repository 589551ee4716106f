#pragma once

// Private to core (torch types): Grad-CAM for any network split in two at a 4-D activation.
// BundleClassifier and ImageClassifier use it; so can tests with a network of their own.

#include <functional>
#include <vector>

#include <torch/torch.h>

#include "core/common/result.h"
#include "core/imaging/eval_transform.h"
#include "core/imaging/heat_map.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::inference {

/** One half of a network: prefix maps the input batch to the activation A [N, C, h, w] the map
    is computed at (a backbone's last convolutional block), suffix maps A to the logits. */
using NetworkPart = std::function<torch::Tensor(const torch::Tensor&)>;

/** What computeGradCam returns: the logits [1, classes] (float32, CPU), the class the map
    explains and the map [h, w] (float32, CPU, 0..1, all 0 when nothing speaks for the class). */
struct GradCamTensors {
    torch::Tensor logits;
    torch::Tensor cam;
    int classIndex = -1;
};

/**
 * Grad-CAM (Selvaraju et al. 2017) of input [1, 3, S, S] for classIndex (-1: the top-1 class):
 * A = prefix(x) detached, logits = suffix(A), g = d logits[c] / dA, w = mean of g over h, w,
 * cam = relu(sum_k w_k A_k), divided by its maximum. C++ modules have no forward hooks, hence
 * the split. The modules should be in eval mode; gradients are switched on here (the prefix
 * runs without them), so the caller must not hold an InferenceMode guard. Throws c10::Error from
 * LibTorch, and std::invalid_argument for a class index out of range or an activation that is
 * not 4-D.
 */
GradCamTensors computeGradCam(const NetworkPart& prefix, const NetworkPart& suffix,
                              const torch::Tensor& input, int classIndex = -1);

/**
 * The crop-sized map cam [h, w] laid over an image of width x height that transform turned into
 * the model's input: each image pixel whose centre falls inside the crop window samples cam
 * bilinearly (half-pixel centres, as torch's interpolate without align_corners); pixels outside
 * the window are 0.
 */
imaging::HeatMap heatMapOnImage(const torch::Tensor& cam, int width, int height,
                                const imaging::EvalTransform& transform, int classIndex);

/** Grad-CAM of one decoded image: the softmax probabilities and the map at the image's size. */
struct ImageGradCam {
    std::vector<float> probabilities;
    imaging::HeatMap heatMap;
};

/**
 * Preprocesses image with transform, runs computeGradCam on device and maps the result back
 * with heatMapOnImage. Fails (never throws) on a class index out of range or a LibTorch error;
 * messages say what went wrong.
 */
Result<ImageGradCam> gradCamOfImage(const NetworkPart& prefix, const NetworkPart& suffix,
                                    const imaging::RgbImage& image,
                                    const imaging::EvalTransform& transform, torch::Device device,
                                    int classIndex = -1);

} // namespace tstudio::inference
