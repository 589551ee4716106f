#pragma once

// Small building blocks that several torchvision architectures share. Private to core/models.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace tstudio::models {

/// A Sequential that can sit inside another one: nn::Sequential's templated forward() cannot be
/// stored in a Sequential, so this pins it to Tensor -> Tensor.
class SequentialBlockImpl : public torch::nn::SequentialImpl {
public:
    using torch::nn::SequentialImpl::SequentialImpl;
    torch::Tensor forward(torch::Tensor x) {
        return torch::nn::SequentialImpl::forward(std::move(x));
    }
};

TORCH_MODULE(SequentialBlock);

/// torchvision.ops.SqueezeExcitation: global average pool, 1x1 conv `fc1`, activation, 1x1 conv
/// `fc2`, gate, rescale. EfficientNet gates with SiLU + Sigmoid, MobileNetV3 with ReLU +
/// Hardsigmoid.
class SqueezeExcitationImpl : public torch::nn::Module {
public:
    enum class Style { SiLUSigmoid, ReLUHardsigmoid };
    SqueezeExcitationImpl(int64_t channels, int64_t squeezeChannels, Style style);
    torch::Tensor forward(torch::Tensor x);

private:
    torch::nn::Conv2d m_fc1;
    torch::nn::Conv2d m_fc2;
    Style m_style;
};

TORCH_MODULE(SqueezeExcitation);

/// {"features.0", ..., "features.<count-1>"}: the block names of a network whose `features`
/// Sequential is its chain of blocks (MobileNets, EfficientNet, ConvNeXt).
std::vector<std::string> featureBlockNames(size_t count);

/// Runs children [first, last) of features on x; a range outside it fails with a c10::Error
/// naming the network.
torch::Tensor forwardFeatureRange(torch::nn::Sequential& features, torch::Tensor x, int first,
                                  int last, const char* network);

/// torchvision.models._utils._make_divisible: round to a multiple of divisor, never more than
/// 10% down.
int64_t makeDivisible(double value, int64_t divisor);

/// torchvision.ops.StochasticDepth(p, "row"): in training, zeroes each sample's residual branch
/// with probability p and rescales the survivors by 1/(1-p); identity in eval.
class StochasticDepthImpl : public torch::nn::Module {
public:
    explicit StochasticDepthImpl(double p) : m_p(p) {}
    torch::Tensor forward(torch::Tensor x);

private:
    double m_p;
};

TORCH_MODULE(StochasticDepth);

} // namespace tstudio::models
