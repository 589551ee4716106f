#include "core/models/densenet.h"

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

nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1, int64_t padding = 0) {
    return nn::Conv2d(
        nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false));
}

/// BN-ReLU-Conv1x1-BN-ReLU-Conv3x3 on the concatenation of all earlier feature maps.
class DenseLayerImpl : public nn::Module {
public:
    DenseLayerImpl(int64_t in, int64_t growthRate, int64_t bnSize)
        : m_norm1(register_module("norm1", nn::BatchNorm2d(in))),
          m_conv1(register_module("conv1", conv(in, bnSize * growthRate, 1))),
          m_norm2(register_module("norm2", nn::BatchNorm2d(bnSize * growthRate))),
          m_conv2(register_module(
              "conv2", conv(bnSize * growthRate, growthRate, 3, /*stride=*/1, /*padding=*/1))) {}

    /// The new feature maps (growthRate channels) computed from the concatenated input.
    torch::Tensor forward(const torch::Tensor& x) {
        const torch::Tensor bottleneck = m_conv1(torch::relu(m_norm1(x)));
        return m_conv2(torch::relu(m_norm2(bottleneck)));
    }

private:
    nn::BatchNorm2d m_norm1;
    nn::Conv2d m_conv1;
    nn::BatchNorm2d m_norm2;
    nn::Conv2d m_conv2;
};
TORCH_MODULE(DenseLayer);

class DenseBlockImpl : public nn::Module {
public:
    DenseBlockImpl(int64_t layers, int64_t in, int64_t growthRate, int64_t bnSize) {
        for (int64_t i = 0; i < layers; ++i) {
            m_layers.push_back(
                register_module("denselayer" + std::to_string(i + 1),
                                DenseLayer(in + i * growthRate, growthRate, bnSize)));
        }
    }

    torch::Tensor forward(const torch::Tensor& x) {
        std::vector<torch::Tensor> features{x};
        for (auto& layer : m_layers) {
            features.push_back(layer(torch::cat(features, /*dim=*/1)));
        }
        return torch::cat(features, /*dim=*/1);
    }

private:
    std::vector<DenseLayer> m_layers;
};
TORCH_MODULE(DenseBlock);

/// BN-ReLU-Conv1x1 that halves the channels, then a 2x2 average pool.
class TransitionImpl : public nn::Module {
public:
    TransitionImpl(int64_t in, int64_t out)
        : m_norm(register_module("norm", nn::BatchNorm2d(in))),
          m_conv(register_module("conv", conv(in, out, 1))) {}

    torch::Tensor forward(const torch::Tensor& x) {
        return torch::avg_pool2d(m_conv(torch::relu(m_norm(x))), /*kernel_size=*/2, /*stride=*/2);
    }

private:
    nn::BatchNorm2d m_norm;
    nn::Conv2d m_conv;
};
TORCH_MODULE(Transition);

struct DenseNetConfig {
    int64_t growthRate = 32;
    std::array<int64_t, 4> blockLayers{6, 12, 24, 16};
    int64_t initFeatures = 64;
    int64_t bnSize = 4;
};

class DenseNetImpl : public BackboneImpl {
public:
    DenseNetImpl(const DenseNetConfig& config, int64_t numClasses)
        : m_features(register_module("features", nn::Sequential())) {
        m_conv0 = conv(3, config.initFeatures, 7, /*stride=*/2, /*padding=*/3);
        m_features->push_back("conv0", m_conv0);
        m_norm0 = nn::BatchNorm2d(config.initFeatures);
        m_features->push_back("norm0", m_norm0);
        m_features->push_back("relu0", nn::ReLU(nn::ReLUOptions(/*inplace=*/true)));
        m_features->push_back("pool0", nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2).padding(1)));

        int64_t channels = config.initFeatures;
        for (size_t i = 0; i < config.blockLayers.size(); ++i) {
            const std::string index = std::to_string(i + 1);
            DenseBlock block(config.blockLayers[i], channels, config.growthRate, config.bnSize);
            m_features->push_back("denseblock" + index, block);
            m_stages.push_back(block.ptr());
            channels += config.blockLayers[i] * config.growthRate;
            if (i + 1 < config.blockLayers.size()) {
                Transition transition(channels, channels / 2);
                m_features->push_back("transition" + index, transition);
                m_stages.push_back(transition.ptr());
                channels /= 2;
            }
        }
        m_norm5 = nn::BatchNorm2d(channels);
        m_features->push_back("norm5", m_norm5);
        m_classifier = register_module("classifier", nn::Linear(channels, numClasses));

        // torchvision's init: kaiming normal with its defaults (fan_in, leaky_relu gain of
        // slope 0), unlike ResNet's fan_out; the classifier keeps its default weight init.
        for (const auto& module : modules(/*include_self=*/false)) {
            if (auto* convolution = module->as<nn::Conv2d>()) {
                nn::init::kaiming_normal_(convolution->weight);
            } else if (auto* bn = module->as<nn::BatchNorm2d>()) {
                nn::init::ones_(bn->weight);
                nn::init::zeros_(bn->bias);
            } else if (auto* linear = module->as<nn::Linear>()) {
                nn::init::zeros_(linear->bias);
            }
        }
    }

    std::vector<std::string> blockNames() const override {
        return {"stem",
                "features.denseblock1",
                "features.transition1",
                "features.denseblock2",
                "features.transition2",
                "features.denseblock3",
                "features.transition3",
                "features.denseblock4"};
    }

    std::vector<std::string> blockModulePaths(int block) const override {
        if (block == 0) {
            return {"features.conv0", "features.norm0"};
        }
        if (block == static_cast<int>(m_stages.size())) {
            return {"features.denseblock4", "features.norm5"};
        }
        return BackboneImpl::blockModulePaths(block);
    }

    torch::Tensor forwardBlocks(torch::Tensor x, int first, int last) override {
        const int count = static_cast<int>(m_stages.size()) + 1;
        TORCH_CHECK(0 <= first && first <= last && last <= count, "DenseNet has blocks [0, ", count,
                    "), got [", first, ", ", last, ")");
        for (int block = first; block < last; ++block) {
            if (block == 0) {
                x = torch::relu(m_norm0(m_conv0(x)));
                x = torch::max_pool2d(x, /*kernel_size=*/3, /*stride=*/2, /*padding=*/1);
                continue;
            }
            const auto& stage = m_stages[static_cast<size_t>(block - 1)];
            if (auto* dense = stage->as<DenseBlock>()) {
                x = dense->forward(x);
            } else {
                x = stage->as<Transition>()->forward(x);
            }
            if (block == count - 1) {
                x = m_norm5(x);
            }
        }
        return x;
    }

    torch::Tensor forwardNeck(torch::Tensor x) override {
        return torch::flatten(torch::adaptive_avg_pool2d(torch::relu(x), {1, 1}),
                              /*start_dim=*/1);
    }

    nn::Linear head() const override { return m_classifier; }
    std::string headPath() const override { return "classifier"; }

    void replaceHead(int64_t numClasses) override {
        nn::Linear classifier(featureWidth(), numClasses);
        nn::init::zeros_(classifier->bias);
        m_classifier = replace_module("classifier", classifier);
    }

private:
    nn::Sequential m_features;
    nn::Conv2d m_conv0{nullptr};
    nn::BatchNorm2d m_norm0{nullptr};
    nn::BatchNorm2d m_norm5{nullptr};
    std::vector<std::shared_ptr<nn::Module>> m_stages; ///< denseblock1, transition1, ...
    nn::Linear m_classifier{nullptr};
};

} // namespace

Backbone makeDenseNet(std::string_view name, int64_t numClasses) {
    if (name == "densenet121") {
        return Backbone(std::shared_ptr<BackboneImpl>(
            std::make_shared<DenseNetImpl>(DenseNetConfig{}, numClasses)));
    }
    throw std::invalid_argument("makeDenseNet: not a DenseNet: " + std::string(name));
}

} // namespace tstudio::models
