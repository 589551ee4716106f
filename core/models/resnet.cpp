#include "core/models/resnet.h"

#include <array>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace tstudio::models {
namespace {

namespace nn = torch::nn;

nn::Conv2d conv3x3(int64_t in, int64_t out, int64_t stride) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false));
}

nn::Conv2d conv1x1(int64_t in, int64_t out, int64_t stride = 1) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 1).stride(stride).bias(false));
}

// Built by the layer before its block, as torchvision's _make_layer does: the construction order
// decides which random numbers each layer draws, so a seeded build equals torchvision's.
nn::Sequential makeDownsample(int64_t in, int64_t out, int64_t stride) {
    return nn::Sequential(conv1x1(in, out, stride), nn::BatchNorm2d(out));
}

class BasicBlockImpl : public nn::Module {
public:
    static constexpr int64_t kExpansion = 1;

    BasicBlockImpl(int64_t inplanes, int64_t planes, int64_t stride, nn::Sequential downsample)
        : m_conv1(register_module("conv1", conv3x3(inplanes, planes, stride))),
          m_bn1(register_module("bn1", nn::BatchNorm2d(planes))),
          m_conv2(register_module("conv2", conv3x3(planes, planes, 1))),
          m_bn2(register_module("bn2", nn::BatchNorm2d(planes))) {
        if (downsample) {
            m_downsample = register_module("downsample", std::move(downsample));
        }
    }

    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor out = torch::relu(m_bn1(m_conv1(x)));
        out = m_bn2(m_conv2(out));
        const torch::Tensor identity = m_downsample ? m_downsample->forward(x) : x;
        return torch::relu(out + identity);
    }

private:
    nn::Conv2d m_conv1;
    nn::BatchNorm2d m_bn1;
    nn::Conv2d m_conv2;
    nn::BatchNorm2d m_bn2;
    nn::Sequential m_downsample{nullptr};
};
TORCH_MODULE(BasicBlock);

class BottleneckImpl : public nn::Module {
public:
    static constexpr int64_t kExpansion = 4;

    BottleneckImpl(int64_t inplanes, int64_t planes, int64_t stride, nn::Sequential downsample)
        : m_conv1(register_module("conv1", conv1x1(inplanes, planes))),
          m_bn1(register_module("bn1", nn::BatchNorm2d(planes))),
          m_conv2(register_module("conv2", conv3x3(planes, planes, stride))),
          m_bn2(register_module("bn2", nn::BatchNorm2d(planes))),
          m_conv3(register_module("conv3", conv1x1(planes, planes * kExpansion))),
          m_bn3(register_module("bn3", nn::BatchNorm2d(planes * kExpansion))) {
        if (downsample) {
            m_downsample = register_module("downsample", std::move(downsample));
        }
    }

    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor out = torch::relu(m_bn1(m_conv1(x)));
        out = torch::relu(m_bn2(m_conv2(out)));
        out = m_bn3(m_conv3(out));
        const torch::Tensor identity = m_downsample ? m_downsample->forward(x) : x;
        return torch::relu(out + identity);
    }

private:
    nn::Conv2d m_conv1;
    nn::BatchNorm2d m_bn1;
    nn::Conv2d m_conv2;
    nn::BatchNorm2d m_bn2;
    nn::Conv2d m_conv3;
    nn::BatchNorm2d m_bn3;
    nn::Sequential m_downsample{nullptr};
};
TORCH_MODULE(Bottleneck);

/// One stage of blocks; the first one may change stride and width (torchvision's _make_layer).
template <typename Block>
nn::Sequential makeLayer(int64_t& inplanes, int64_t planes, int64_t blocks, int64_t stride) {
    const int64_t outplanes = planes * Block::Impl::kExpansion;
    nn::Sequential downsample{nullptr};
    if (stride != 1 || inplanes != outplanes) {
        downsample = makeDownsample(inplanes, outplanes, stride);
    }
    nn::Sequential layer;
    layer->push_back(Block(inplanes, planes, stride, downsample));
    inplanes = outplanes;
    for (int64_t i = 1; i < blocks; ++i) {
        layer->push_back(Block(inplanes, planes, 1, nn::Sequential{nullptr}));
    }
    return layer;
}

class ResNetImpl : public BackboneImpl {
public:
    ResNetImpl(bool bottleneck, const std::array<int64_t, 4>& layers, int64_t numClasses)
        : m_conv1(register_module(
              "conv1", nn::Conv2d(nn::Conv2dOptions(3, 64, 7).stride(2).padding(3).bias(false)))),
          m_bn1(register_module("bn1", nn::BatchNorm2d(64))) {
        int64_t inplanes = 64;
        const std::array<int64_t, 4> planes{64, 128, 256, 512};
        for (size_t i = 0; i < m_layers.size(); ++i) {
            const int64_t stride = i == 0 ? 1 : 2;
            nn::Sequential layer =
                bottleneck ? makeLayer<Bottleneck>(inplanes, planes[i], layers[i], stride)
                           : makeLayer<BasicBlock>(inplanes, planes[i], layers[i], stride);
            m_layers[i] = register_module("layer" + std::to_string(i + 1), layer);
        }
        m_fc = register_module("fc", nn::Linear(inplanes, numClasses));

        // torchvision's init; the fc keeps nn.Linear's default (kaiming-uniform) init.
        for (const auto& module : modules(/*include_self=*/false)) {
            if (auto* conv = module->as<nn::Conv2d>()) {
                nn::init::kaiming_normal_(conv->weight, /*a=*/0, torch::kFanOut, torch::kReLU);
            } else if (auto* bn = module->as<nn::BatchNorm2d>()) {
                nn::init::ones_(bn->weight);
                nn::init::zeros_(bn->bias);
            }
        }
    }

    std::vector<std::string> blockNames() const override {
        return {"stem", "layer1", "layer2", "layer3", "layer4"};
    }

    std::vector<std::string> blockModulePaths(int block) const override {
        if (block == 0) {
            return {"conv1", "bn1"};
        }
        return BackboneImpl::blockModulePaths(block);
    }

    torch::Tensor forwardBlocks(torch::Tensor x, int first, int last) override {
        TORCH_CHECK(0 <= first && first <= last && last <= 5, "ResNet has blocks [0, 5), got [",
                    first, ", ", last, ")");
        for (int i = first; i < last; ++i) {
            if (i == 0) {
                x = torch::relu(m_bn1(m_conv1(x)));
                x = torch::max_pool2d(x, /*kernel_size=*/3, /*stride=*/2, /*padding=*/1);
            } else {
                x = m_layers[static_cast<size_t>(i - 1)]->forward(x);
            }
        }
        return x;
    }

    torch::Tensor forwardNeck(torch::Tensor x) override {
        return torch::flatten(torch::adaptive_avg_pool2d(x, {1, 1}), /*start_dim=*/1);
    }

    nn::Linear head() const override { return m_fc; }
    std::string headPath() const override { return "fc"; }

    void replaceHead(int64_t numClasses) override {
        m_fc = replace_module("fc", nn::Linear(featureWidth(), numClasses));
    }

private:
    nn::Conv2d m_conv1;
    nn::BatchNorm2d m_bn1;
    std::array<nn::Sequential, 4> m_layers{nullptr, nullptr, nullptr, nullptr};
    nn::Linear m_fc{nullptr};
};

} // namespace

Backbone makeResNet(std::string_view name, int64_t numClasses) {
    const auto build = [numClasses](bool bottleneck, std::array<int64_t, 4> layers) {
        return Backbone(std::shared_ptr<BackboneImpl>(
            std::make_shared<ResNetImpl>(bottleneck, layers, numClasses)));
    };
    if (name == "resnet18") {
        return build(false, {2, 2, 2, 2});
    }
    if (name == "resnet34") {
        return build(false, {3, 4, 6, 3});
    }
    if (name == "resnet50") {
        return build(true, {3, 4, 6, 3});
    }
    if (name == "resnet101") {
        return build(true, {3, 4, 23, 3});
    }
    throw std::invalid_argument("makeResNet: not a ResNet: " + std::string(name));
}

} // namespace tstudio::models
