#pragma once

// Private to core/training (torch types): BundleClassifier's state, shared by the .cpp files
// that implement its methods (model_bundle.cpp, bundle_evaluation.cpp, bundle_grad_cam.cpp).

#include <optional>

#include <torch/torch.h>

#include "core/inference/memory_format.h"
#include "core/training/model_bundle.h"
#include "core/training/transfer_net.h"
#include "core/training/transfer_net_graph.h"

namespace tstudio::training {

struct BundleClassifier::Impl {
    BundleInfo info;
    std::optional<TransferNet> net;
    torch::Device device{torch::kCPU};
    /** The training's memory format (its config's channelsLast): on the CPU, MobileNetV2's
        forward pass runs about 1.6x faster channels-last than in the default layout. */
    bool channelsLast = false;

    /** A batch of preprocessed images as the network takes it: on its device, in its layout. */
    torch::Tensor input(const torch::Tensor& images) const {
        return inference::networkInput(images, device, channelsLast);
    }

    /** net's forward, the faster of eager and the frozen graph; made on first use. */
    std::optional<graph::FastestForward> forward;

    /** The network's logits on a batch of eval-preprocessed images: the one forward pass of
        predict(), probabilities() and evaluateReport(). */
    torch::Tensor logits(const torch::Tensor& images) {
        if (!forward) {
            forward = networkForward(*net);
        }
        return (*forward)(input(images));
    }

    /** Softmax of logits(images): [N, classes] float32 on the CPU. */
    torch::Tensor probabilities(const torch::Tensor& images) {
        return torch::softmax(logits(images), 1).to(torch::kCPU, torch::kFloat32).contiguous();
    }
};

} // namespace tstudio::training
