#include "core/models/mobilenet_v2.h"

#include <memory>
#include <utility>

#include "core/models/layers.h"

namespace tstudio::models {

namespace {

namespace nn = torch::nn;

constexpr int64_t kLastChannel = 1280;

/// torchvision's Conv2dNormActivation(in, out, kernel, stride, groups, activation=ReLU6).
SequentialBlock convBnReLU6(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1,
                            int64_t groups = 1) {
    return SequentialBlock(nn::Conv2d(nn::Conv2dOptions(in, out, kernel)
                                          .stride(stride)
                                          .padding((kernel - 1) / 2)
                                          .groups(groups)
                                          .bias(false)),
                           nn::BatchNorm2d(out), nn::ReLU6(nn::ReLU6Options().inplace(true)));
}

/// torchvision.models.mobilenetv2.InvertedResidual: expand 1x1, depthwise 3x3, linear project.
class InvertedResidualImpl : public nn::Module {
public:
    InvertedResidualImpl(int64_t in, int64_t out, int64_t stride, int64_t expandRatio)
        : m_useResidual(stride == 1 && in == out) {
        const int64_t hidden = in * expandRatio;
        nn::Sequential layers;
        if (expandRatio != 1) {
            layers->push_back(convBnReLU6(in, hidden, /*kernel=*/1));
        }
        layers->push_back(convBnReLU6(hidden, hidden, /*kernel=*/3, stride, /*groups=*/hidden));
        layers->push_back(nn::Conv2d(nn::Conv2dOptions(hidden, out, 1).bias(false)));
        layers->push_back(nn::BatchNorm2d(out));
        m_conv = register_module("conv", layers);
    }

    torch::Tensor forward(torch::Tensor x) {
        return m_useResidual ? x + m_conv->forward(x) : m_conv->forward(x);
    }

private:
    bool m_useResidual;
    nn::Sequential m_conv{nullptr};
};

TORCH_MODULE(InvertedResidual);

nn::Linear makeHead(int64_t in, int64_t numClasses) {
    nn::Linear linear(in, numClasses);
    nn::init::normal_(linear->weight, 0.0, 0.01);
    nn::init::zeros_(linear->bias);
    return linear;
}

} // namespace

MobileNetV2Impl::MobileNetV2Impl(int64_t numClasses) {
    struct Stage {
        int64_t expandRatio, channels, repeats, stride;
    };
    // torchvision's inverted_residual_setting; with width 1.0 every channel count is already a
    // multiple of 8, so _make_divisible changes nothing.
    constexpr Stage kStages[] = {{1, 16, 1, 1}, {6, 24, 2, 2},  {6, 32, 3, 2}, {6, 64, 4, 2},
                                 {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    nn::Sequential features;
    int64_t channels = 32;
    features->push_back(convBnReLU6(3, channels, /*kernel=*/3, /*stride=*/2));
    for (const Stage& stage : kStages) {
        for (int64_t i = 0; i < stage.repeats; ++i) {
            features->push_back(InvertedResidual(channels, stage.channels,
                                                 i == 0 ? stage.stride : 1, stage.expandRatio));
            channels = stage.channels;
        }
    }
    features->push_back(convBnReLU6(channels, kLastChannel, /*kernel=*/1));
    m_features = register_module("features", features);

    m_dropout = nn::Dropout(nn::DropoutOptions(0.2));
    m_head = nn::Linear(kLastChannel, numClasses);
    m_classifier = register_module("classifier", nn::Sequential(m_dropout, m_head));

    // torchvision's init loop; BatchNorm already starts at weight 1, bias 0.
    for (const auto& module : modules(/*include_self=*/false)) {
        if (auto* conv = module->as<nn::Conv2d>()) {
            nn::init::kaiming_normal_(conv->weight, /*a=*/0.0, torch::kFanOut);
        } else if (auto* linear = module->as<nn::Linear>()) {
            nn::init::normal_(linear->weight, 0.0, 0.01);
            nn::init::zeros_(linear->bias);
        }
    }
}

std::vector<std::string> MobileNetV2Impl::blockNames() const {
    return featureBlockNames(m_features->size());
}

torch::Tensor MobileNetV2Impl::forwardBlocks(torch::Tensor x, int first, int last) {
    return forwardFeatureRange(m_features, std::move(x), first, last, "MobileNetV2");
}

torch::Tensor MobileNetV2Impl::forwardNeck(torch::Tensor x) {
    x = torch::adaptive_avg_pool2d(x, {1, 1});
    x = torch::flatten(x, 1);
    return m_dropout->forward(x);
}

void MobileNetV2Impl::replaceHead(int64_t numClasses) {
    nn::Linear fresh = makeHead(kLastChannel, numClasses);
    fresh->to(m_head->weight.device(), m_head->weight.scalar_type());
    fresh->train(is_training());
    m_head = fresh;
    // A Sequential keeps its own list of children for forward(); rebuilding it keeps that list
    // and the registered "classifier.1" in step.
    m_classifier = replace_module("classifier", nn::Sequential(m_dropout, m_head));
}

Backbone makeMobileNetV2(int64_t numClasses) {
    // Explicitly a pointer to the base: ModuleHolder's forwarding constructor would otherwise
    // take the derived pointer as constructor arguments for the abstract BackboneImpl.
    return Backbone(std::shared_ptr<BackboneImpl>(std::make_shared<MobileNetV2Impl>(numClasses)));
}

} // namespace tstudio::models
