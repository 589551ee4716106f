#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <torch/torch.h>

#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * torchvision's `mobilenet_v3_small()` / `mobilenet_v3_large()` (width 1.0, no reduced tail, no
 * dilation): `features` holds the Hardswish stem, the inverted residuals (`block` Sequential with
 * squeeze-excitation `fc1`/`fc2` where the paper has it) and the last 1x1 conv; `classifier` is
 * Linear, Hardswish, Dropout(0.2), Linear. Same state-dict keys, initialisation and eval-mode
 * forward as torchvision 0.14. Blocks are `features.0`..`features.12` (small) or `.16` (large);
 * the neck runs classifier.0..2, the head is `classifier.3`. Runs at any input of at least 1x1.
 */
class MobileNetV3Impl : public BackboneImpl {
public:
    /// name is "mobilenet_v3_small" or "mobilenet_v3_large"; anything else is a programmer error.
    MobileNetV3Impl(std::string_view name, int64_t numClasses);

    std::vector<std::string> blockNames() const override;
    torch::Tensor forwardBlocks(torch::Tensor x, int first, int last) override;
    torch::Tensor forwardNeck(torch::Tensor x) override;
    torch::nn::Linear head() const override { return m_head; }
    std::string headPath() const override { return "classifier.3"; }
    void replaceHead(int64_t numClasses) override;

private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::Linear m_hidden{nullptr};
    torch::nn::AnyModule m_hardswish;
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_head{nullptr};
    torch::nn::Sequential m_classifier{nullptr};
};

/**
 * Builds mobilenet_v3_small or mobilenet_v3_large with torchvision's random initialisation. Any
 * thread. Throws c10::Error for any other name (the factory checks names against the registry).
 */
Backbone makeMobileNetV3(std::string_view name, int64_t numClasses);

} // namespace tstudio::models
