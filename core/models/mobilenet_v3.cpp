#include "core/models/mobilenet_v3.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "core/models/layers.h"

namespace tstudio::models {

namespace {

namespace nn = torch::nn;

constexpr double kDropout = 0.2;

/// nn.Hardswish; LibTorch 1.13 has the function but no module.
class HardswishImpl : public nn::Module {
public:
    torch::Tensor forward(torch::Tensor x) { return torch::hardswish(x); }
};

TORCH_MODULE(Hardswish);

enum class Activation { None, ReLU, Hardswish };

/// torchvision's Conv2dNormActivation with MobileNetV3's BatchNorm (eps 1e-3, momentum 0.01).
SequentialBlock convBnAct(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t groups,
                          Activation activation) {
    SequentialBlock layers(nn::Conv2d(nn::Conv2dOptions(in, out, kernel)
                                          .stride(stride)
                                          .padding((kernel - 1) / 2)
                                          .groups(groups)
                                          .bias(false)),
                           nn::BatchNorm2d(nn::BatchNormOptions(out).eps(1e-3).momentum(0.01)));
    if (activation == Activation::ReLU) {
        layers->push_back(nn::ReLU(nn::ReLUOptions().inplace(true)));
    } else if (activation == Activation::Hardswish) {
        layers->push_back(Hardswish());
    }
    return layers;
}

/// One row of torchvision's _mobilenet_v3_conf before adjust_channels (width multiplier 1.0).
struct BlockConfig {
    int64_t in, kernel, expanded, out;
    bool se;
    bool hardswish;
    int64_t stride;
};

/// torchvision.models.mobilenetv3.InvertedResidual; its layers live in `block`.
class InvertedResidualImpl : public nn::Module {
public:
    explicit InvertedResidualImpl(const BlockConfig& c)
        : m_useResidual(c.stride == 1 && c.in == c.out) {
        const Activation act = c.hardswish ? Activation::Hardswish : Activation::ReLU;
        const int64_t in = makeDivisible(static_cast<double>(c.in), 8);
        const int64_t expanded = makeDivisible(static_cast<double>(c.expanded), 8);
        const int64_t out = makeDivisible(static_cast<double>(c.out), 8);
        nn::Sequential layers;
        if (expanded != in) {
            layers->push_back(convBnAct(in, expanded, 1, 1, 1, act));
        }
        layers->push_back(convBnAct(expanded, expanded, c.kernel, c.stride, expanded, act));
        if (c.se) {
            layers->push_back(SqueezeExcitation(expanded,
                                                makeDivisible(static_cast<double>(expanded / 4), 8),
                                                SqueezeExcitationImpl::Style::ReLUHardsigmoid));
        }
        layers->push_back(convBnAct(expanded, out, 1, 1, 1, Activation::None));
        m_block = register_module("block", layers);
    }

    torch::Tensor forward(torch::Tensor x) {
        torch::Tensor result = m_block->forward(x);
        return m_useResidual ? result + x : result;
    }

private:
    bool m_useResidual;
    nn::Sequential m_block{nullptr};
};

TORCH_MODULE(InvertedResidual);

// torchvision's bneck_conf rows: in, kernel, expanded, out, SE, HS (else RE), stride.
const std::vector<BlockConfig> kLarge = {
    {16, 3, 16, 16, false, false, 1},  {16, 3, 64, 24, false, false, 2},
    {24, 3, 72, 24, false, false, 1},  {24, 5, 72, 40, true, false, 2},
    {40, 5, 120, 40, true, false, 1},  {40, 5, 120, 40, true, false, 1},
    {40, 3, 240, 80, false, true, 2},  {80, 3, 200, 80, false, true, 1},
    {80, 3, 184, 80, false, true, 1},  {80, 3, 184, 80, false, true, 1},
    {80, 3, 480, 112, true, true, 1},  {112, 3, 672, 112, true, true, 1},
    {112, 5, 672, 160, true, true, 2}, {160, 5, 960, 160, true, true, 1},
    {160, 5, 960, 160, true, true, 1},
};
const std::vector<BlockConfig> kSmall = {
    {16, 3, 16, 16, true, false, 2},  {16, 3, 72, 24, false, false, 2},
    {24, 3, 88, 24, false, false, 1}, {24, 5, 96, 40, true, true, 2},
    {40, 5, 240, 40, true, true, 1},  {40, 5, 240, 40, true, true, 1},
    {40, 5, 120, 48, true, true, 1},  {48, 5, 144, 48, true, true, 1},
    {48, 5, 288, 96, true, true, 2},  {96, 5, 576, 96, true, true, 1},
    {96, 5, 576, 96, true, true, 1},
};

/// nn.Linear with torchvision's MobileNetV3 init: weight ~ N(0, 0.01), bias 0.
nn::Linear makeLinear(int64_t in, int64_t out) {
    nn::Linear linear(in, out);
    nn::init::normal_(linear->weight, 0.0, 0.01);
    nn::init::zeros_(linear->bias);
    return linear;
}

} // namespace

MobileNetV3Impl::MobileNetV3Impl(std::string_view name, int64_t numClasses) {
    const bool large = name == "mobilenet_v3_large";
    TORCH_CHECK(large || name == "mobilenet_v3_small", "MobileNetV3: unknown variant ", name);
    const std::vector<BlockConfig>& config = large ? kLarge : kSmall;
    const int64_t lastChannel = makeDivisible(large ? 1280.0 : 1024.0, 8);

    nn::Sequential features;
    features->push_back(convBnAct(3, makeDivisible(static_cast<double>(config.front().in), 8), 3,
                                  /*stride=*/2, 1, Activation::Hardswish));
    for (const BlockConfig& block : config) {
        features->push_back(InvertedResidual(block));
    }
    const int64_t lastConvIn = makeDivisible(static_cast<double>(config.back().out), 8);
    const int64_t lastConvOut = 6 * lastConvIn;
    features->push_back(convBnAct(lastConvIn, lastConvOut, 1, 1, 1, Activation::Hardswish));
    m_features = register_module("features", features);

    m_hidden = nn::Linear(lastConvOut, lastChannel);
    m_hardswish = nn::AnyModule(Hardswish());
    m_dropout = nn::Dropout(nn::DropoutOptions(kDropout));
    m_head = nn::Linear(lastChannel, numClasses);
    nn::Sequential classifier(m_hidden);
    classifier->push_back(m_hardswish);
    classifier->push_back(m_dropout);
    classifier->push_back(m_head);
    m_classifier = register_module("classifier", classifier);

    // torchvision's init loop; BatchNorm already starts at weight 1, bias 0.
    for (const auto& module : modules(/*include_self=*/false)) {
        if (auto* conv = module->as<nn::Conv2d>()) {
            nn::init::kaiming_normal_(conv->weight, /*a=*/0.0, torch::kFanOut);
            if (conv->bias.defined()) {
                nn::init::zeros_(conv->bias);
            }
        } else if (auto* linear = module->as<nn::Linear>()) {
            nn::init::normal_(linear->weight, 0.0, 0.01);
            nn::init::zeros_(linear->bias);
        }
    }
}

std::vector<std::string> MobileNetV3Impl::blockNames() const {
    return featureBlockNames(m_features->size());
}

torch::Tensor MobileNetV3Impl::forwardBlocks(torch::Tensor x, int first, int last) {
    return forwardFeatureRange(m_features, std::move(x), first, last, "MobileNetV3");
}

torch::Tensor MobileNetV3Impl::forwardNeck(torch::Tensor x) {
    x = torch::flatten(torch::adaptive_avg_pool2d(x, {1, 1}), 1);
    x = m_hardswish.forward(m_hidden->forward(x));
    return m_dropout->forward(x);
}

void MobileNetV3Impl::replaceHead(int64_t numClasses) {
    nn::Linear fresh = makeLinear(m_head->options.in_features(), numClasses);
    fresh->to(m_head->weight.device(), m_head->weight.scalar_type());
    fresh->train(is_training());
    m_head = fresh;
    // A Sequential keeps its own list of children for forward(); rebuilding it keeps that list
    // and the registered "classifier.3" in step.
    nn::Sequential classifier(m_hidden);
    classifier->push_back(m_hardswish);
    classifier->push_back(m_dropout);
    classifier->push_back(m_head);
    m_classifier = replace_module("classifier", classifier);
}

Backbone makeMobileNetV3(std::string_view name, int64_t numClasses) {
    // Explicitly a pointer to the base: ModuleHolder's forwarding constructor would otherwise
    // take the derived pointer as constructor arguments for the abstract BackboneImpl.
    return Backbone(
        std::shared_ptr<BackboneImpl>(std::make_shared<MobileNetV3Impl>(name, numClasses)));
}

} // namespace tstudio::models
