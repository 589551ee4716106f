#include "core/models/vgg.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace tstudio::models {
namespace {

namespace nn = torch::nn;

/// Stands for "M" in torchvision's cfgs: a 2x2 max pool that ends a stage.
constexpr int64_t kPool = 0;

const std::vector<int64_t> kVgg16{64,    64,  kPool, 128, 128,   kPool, 256, 256, 256,
                                  kPool, 512, 512,   512, kPool, 512,   512, 512, kPool};
const std::vector<int64_t> kVgg19{64,  64,  kPool, 128, 128,   kPool, 256, 256, 256, 256,  kPool,
                                  512, 512, 512,   512, kPool, 512,   512, 512, 512, kPool};

constexpr int64_t kClassifierWidth = 4096;
constexpr size_t kHeadIndex = 6;

nn::Linear makeHead(int64_t numClasses) {
    nn::Linear head(kClassifierWidth, numClasses);
    nn::init::normal_(head->weight, /*mean=*/0, /*std=*/0.01);
    nn::init::zeros_(head->bias);
    return head;
}

class VggImpl : public BackboneImpl {
public:
    VggImpl(const std::vector<int64_t>& cfg, bool batchNorm, int64_t numClasses)
        : m_features(register_module("features", nn::Sequential())) {
        int64_t channels = 3;
        size_t stageStart = 0;
        for (const int64_t width : cfg) {
            if (width == kPool) {
                m_features->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(2).stride(2)));
                m_stages.emplace_back(stageStart, m_features->size());
                stageStart = m_features->size();
                continue;
            }
            m_features->push_back(nn::Conv2d(nn::Conv2dOptions(channels, width, 3).padding(1)));
            if (batchNorm) {
                m_features->push_back(nn::BatchNorm2d(width));
            }
            m_features->push_back(nn::ReLU(nn::ReLUOptions(/*inplace=*/true)));
            channels = width;
        }

        // One push_back per layer, not one Sequential(...) call: argument evaluation order is
        // unspecified, and the layers must draw their default init in torchvision's order.
        nn::Sequential classifier;
        classifier->push_back(nn::Linear(channels * 7 * 7, kClassifierWidth));
        classifier->push_back(nn::ReLU(nn::ReLUOptions(/*inplace=*/true)));
        classifier->push_back(nn::Dropout(0.5));
        classifier->push_back(nn::Linear(kClassifierWidth, kClassifierWidth));
        classifier->push_back(nn::ReLU(nn::ReLUOptions(/*inplace=*/true)));
        classifier->push_back(nn::Dropout(0.5));
        m_head = nn::Linear(kClassifierWidth, numClasses);
        classifier->push_back(m_head);
        m_classifier = register_module("classifier", classifier);

        for (const auto& module : modules(/*include_self=*/false)) {
            if (auto* conv = module->as<nn::Conv2d>()) {
                nn::init::kaiming_normal_(conv->weight, /*a=*/0, torch::kFanOut, torch::kReLU);
                nn::init::zeros_(conv->bias);
            } else if (auto* bn = module->as<nn::BatchNorm2d>()) {
                nn::init::ones_(bn->weight);
                nn::init::zeros_(bn->bias);
            } else if (auto* linear = module->as<nn::Linear>()) {
                nn::init::normal_(linear->weight, /*mean=*/0, /*std=*/0.01);
                nn::init::zeros_(linear->bias);
            }
        }
    }

    std::vector<std::string> blockNames() const override {
        return {"block1", "block2", "block3", "block4", "block5"};
    }

    std::vector<std::string> blockModulePaths(int block) const override {
        const auto& [begin, end] = m_stages.at(static_cast<size_t>(block));
        std::vector<std::string> paths;
        for (size_t i = begin; i < end; ++i) {
            paths.push_back("features." + std::to_string(i));
        }
        return paths;
    }

    torch::Tensor forwardBlocks(torch::Tensor x, int first, int last) override {
        TORCH_CHECK(0 <= first && first <= last && last <= static_cast<int>(m_stages.size()),
                    "VGG has blocks [0, ", m_stages.size(), "), got [", first, ", ", last, ")");
        for (int block = first; block < last; ++block) {
            const auto& [begin, end] = m_stages[static_cast<size_t>(block)];
            for (size_t i = begin; i < end; ++i) {
                x = m_features->begin()[static_cast<std::ptrdiff_t>(i)].forward(x);
            }
        }
        return x;
    }

    torch::Tensor forwardNeck(torch::Tensor x) override {
        // Always pooled to 7x7, even from a smaller map: torchvision replicates cells, so any
        // input size >= 32 feeds the same 25088-wide classifier.
        x = torch::flatten(torch::adaptive_avg_pool2d(x, {7, 7}), /*start_dim=*/1);
        for (size_t i = 0; i < kHeadIndex; ++i) {
            x = m_classifier->begin()[static_cast<std::ptrdiff_t>(i)].forward(x);
        }
        return x;
    }

    nn::Linear head() const override { return m_head; }
    std::string headPath() const override { return "classifier." + std::to_string(kHeadIndex); }

    void replaceHead(int64_t numClasses) override {
        // Sequential cannot swap one element, so the classifier is rebuilt around the same
        // hidden layers: its own forward() stays consistent and the keys stay classifier.N.
        nn::Sequential classifier;
        for (size_t i = 0; i < kHeadIndex; ++i) {
            classifier->push_back(std::to_string(i),
                                  m_classifier->begin()[static_cast<std::ptrdiff_t>(i)]);
        }
        m_head = makeHead(numClasses);
        classifier->push_back(std::to_string(kHeadIndex), m_head);
        m_classifier = replace_module("classifier", classifier);
    }

private:
    nn::Sequential m_features;
    nn::Sequential m_classifier{nullptr};
    nn::Linear m_head{nullptr};
    std::vector<std::pair<size_t, size_t>> m_stages; ///< [begin, end) in features, per block
};

} // namespace

Backbone makeVgg(std::string_view name, int64_t numClasses) {
    const auto build = [numClasses](const std::vector<int64_t>& cfg, bool batchNorm) {
        return Backbone(
            std::shared_ptr<BackboneImpl>(std::make_shared<VggImpl>(cfg, batchNorm, numClasses)));
    };
    if (name == "vgg16") {
        return build(kVgg16, false);
    }
    if (name == "vgg16_bn") {
        return build(kVgg16, true);
    }
    if (name == "vgg19") {
        return build(kVgg19, false);
    }
    throw std::invalid_argument("makeVgg: not a VGG: " + std::string(name));
}

} // namespace tstudio::models
