#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * torchvision's `mobilenet_v2()` (width 1.0): a 3x3 stem, 17 inverted residuals and a 1x1 conv
 * to 1280 channels in `features`, then `classifier` = Dropout(0.2), Linear. Same state-dict keys,
 * initialisation and eval-mode forward as torchvision 0.14. Blocks are `features.0`..`features.18`.
 * Runs at any input of at least 1x1 pixels.
 */
class MobileNetV2Impl : public BackboneImpl {
public:
    explicit MobileNetV2Impl(int64_t numClasses);

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

/** Builds MobileNetV2 with torchvision's random initialisation. Any thread; throws nothing. */
Backbone makeMobileNetV2(int64_t numClasses);

} // namespace tstudio::models
