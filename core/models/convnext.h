#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <torch/torch.h>

#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * torchvision's `convnext_tiny()`: `features` alternates stages of CNBlocks (depthwise 7x7,
 * channels-last LayerNorm, 4x MLP with GELU, `layer_scale`, stochastic depth up to 0.1) with
 * LayerNorm2d + 2x2 stride-2 conv downsampling; `classifier` is LayerNorm2d, Flatten, Linear.
 * Same state-dict keys, initialisation and eval-mode forward as torchvision 0.14. Blocks are
 * `features.0`..`features.7`; the neck runs average pooling, classifier.0 and classifier.1; the
 * head is `classifier.2`. Needs inputs of at least 32x32 pixels.
 */
class ConvNeXtImpl : public BackboneImpl {
public:
    /// name is "convnext_tiny"; anything else is a programmer error.
    ConvNeXtImpl(std::string_view name, int64_t numClasses);

    std::vector<std::string> blockNames() const override;
    torch::Tensor forwardBlocks(torch::Tensor x, int first, int last) override;
    torch::Tensor forwardNeck(torch::Tensor x) override;
    torch::nn::Linear head() const override { return m_head; }
    std::string headPath() const override { return "classifier.2"; }
    void replaceHead(int64_t numClasses) override;

private:
    torch::nn::Sequential m_features{nullptr};
    torch::nn::AnyModule m_norm;
    torch::nn::Flatten m_flatten{nullptr};
    torch::nn::Linear m_head{nullptr};
    torch::nn::Sequential m_classifier{nullptr};
};

/**
 * Builds convnext_tiny with torchvision's random initialisation. Any thread. Throws c10::Error
 * for any other name (the factory checks names against the registry).
 */
Backbone makeConvNeXt(std::string_view name, int64_t numClasses);

} // namespace tstudio::models
