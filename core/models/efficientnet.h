#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <torch/torch.h>

#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * torchvision's `efficientnet_b0()`: `features` holds the SiLU stem, seven stages of MBConv
 * blocks (`block` Sequential with squeeze-excitation `fc1`/`fc2`, stochastic depth on the
 * residual branch with torchvision's linearly growing rates up to 0.2) and the 1x1 conv to 1280;
 * `classifier` is Dropout(0.2), Linear. Same state-dict keys, initialisation and eval-mode
 * forward as torchvision 0.14. Blocks are `features.0`..`features.8`; the head is
 * `classifier.1`. Runs at any input of at least 1x1 pixels.
 */
class EfficientNetImpl : public BackboneImpl {
public:
    /// name is "efficientnet_b0"; anything else is a programmer error.
    EfficientNetImpl(std::string_view name, int64_t numClasses);

    std::vector<std::string> blockNames() const override;
    torch::Tensor forwardBlocks(torch::Tensor x, int first, int last) override;
    torch::Tensor forwardNeck(torch::Tensor x) override;
    torch::nn::Linear head() const override { return m_head; }
    std::string headPath() const override { return "classifier.1"; }
    void replaceHead(int64_t numClasses) override;

private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_head{nullptr};
    torch::nn::Sequential m_classifier{nullptr};
};

/**
 * Builds efficientnet_b0 with torchvision's random initialisation. Any thread. Throws
 * c10::Error for any other name (the factory checks names against the registry).
 */
Backbone makeEfficientNet(std::string_view name, int64_t numClasses);

} // namespace tstudio::models
