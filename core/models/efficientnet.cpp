#include "core/models/efficientnet.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

#include "core/models/layers.h"

namespace tstudio::models {

namespace {

namespace nn = torch::nn;

constexpr double kDropout = 0.2;
constexpr double kStochasticDepthProb = 0.2;

/// torchvision's Conv2dNormActivation with EfficientNet-B0's BatchNorm (torch defaults: eps
/// 1e-5, momentum 0.1; only the V2 models use eps 1e-3) and SiLU unless `silu` is false.
SequentialBlock convBnAct(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t groups,
                          bool silu) {
    SequentialBlock layers(nn::Conv2d(nn::Conv2dOptions(in, out, kernel)
                                          .stride(stride)
                                          .padding((kernel - 1) / 2)
                                          .groups(groups)
                                          .bias(false)),
                           nn::BatchNorm2d(out));
    if (silu) {
        layers->push_back(nn::SiLU());
    }
    return layers;
}

/// One stage of torchvision's _efficientnet_conf for B0 (width and depth multipliers 1.0).
struct StageConfig {
    int64_t expandRatio, kernel, stride, in, out, layers;
};

constexpr StageConfig kB0[] = {
    {1, 3, 1, 32, 16, 1},  {6, 3, 2, 16, 24, 2},   {6, 5, 2, 24, 40, 2},   {6, 3, 2, 40, 80, 3},
    {6, 5, 1, 80, 112, 3}, {6, 5, 2, 112, 192, 4}, {6, 3, 1, 192, 320, 1},
};

/// torchvision.models.efficientnet.MBConv: expand 1x1, depthwise, SE, project 1x1.
class MBConvImpl : public nn::Module {
public:
    MBConvImpl(const StageConfig& c, int64_t in, int64_t stride, double stochasticDepthProb)
        : m_useResidual(stride == 1 && in == c.out) {
        const int64_t expanded = makeDivisible(static_cast<double>(in * c.expandRatio), 8);
        nn::Sequential layers;
        if (expanded != in) {
            layers->push_back(convBnAct(in, expanded, 1, 1, 1, /*silu=*/true));
        }
        layers->push_back(convBnAct(expanded, expanded, c.kernel, stride, expanded, /*silu=*/true));
        // torchvision squeezes to a quarter of the block's input width, not the expanded one.
        layers->push_back(SqueezeExcitation(expanded, std::max<int64_t>(1, in / 4),
                                            SqueezeExcitationImpl::Style::SiLUSigmoid));
        layers->push_back(convBnAct(expanded, c.out, 1, 1, 1, /*silu=*/false));
        m_block = register_module("block", layers);
        m_stochasticDepth =
            register_module("stochastic_depth", StochasticDepth(stochasticDepthProb));
    }

    torch::Tensor forward(torch::Tensor x) {
        torch::Tensor result = m_block->forward(x);
        if (m_useResidual) {
            result = m_stochasticDepth->forward(result) + x;
        }
        return result;
    }

private:
    bool m_useResidual;
    nn::Sequential m_block{nullptr};
    StochasticDepth m_stochasticDepth{nullptr};
};

TORCH_MODULE(MBConv);

/// nn.Linear with torchvision's EfficientNet init: U(-1/sqrt(out), 1/sqrt(out)), bias 0.
void initLinear(nn::LinearImpl& linear) {
    const double range = 1.0 / std::sqrt(static_cast<double>(linear.options.out_features()));
    nn::init::uniform_(linear.weight, -range, range);
    nn::init::zeros_(linear.bias);
}

} // namespace

EfficientNetImpl::EfficientNetImpl(std::string_view name, int64_t numClasses) {
    TORCH_CHECK(name == "efficientnet_b0", "EfficientNet: unknown variant ", name);

    nn::Sequential features;
    features->push_back(convBnAct(3, kB0[0].in, 3, /*stride=*/2, 1, /*silu=*/true));
    int64_t totalBlocks = 0;
    for (const StageConfig& stage : kB0) {
        totalBlocks += stage.layers;
    }
    int64_t blockId = 0;
    for (const StageConfig& stage : kB0) {
        SequentialBlock blocks;
        for (int64_t i = 0; i < stage.layers; ++i) {
            // Stochastic depth grows linearly with the block's depth in the whole network.
            const double p = kStochasticDepthProb * static_cast<double>(blockId) /
                             static_cast<double>(totalBlocks);
            blocks->push_back(
                MBConv(stage, i == 0 ? stage.in : stage.out, i == 0 ? stage.stride : 1, p));
            ++blockId;
        }
        features->push_back(blocks);
    }
    const int64_t lastIn = kB0[std::size(kB0) - 1].out;
    const int64_t lastOut = 4 * lastIn;
    features->push_back(convBnAct(lastIn, lastOut, 1, 1, 1, /*silu=*/true));
    m_features = register_module("features", features);

    m_dropout = nn::Dropout(nn::DropoutOptions(kDropout));
    m_head = nn::Linear(lastOut, numClasses);
    m_classifier = register_module("classifier", nn::Sequential(m_dropout, m_head));

    // torchvision's init loop; BatchNorm already starts at weight 1, bias 0.
    for (const auto& module : modules(/*include_self=*/false)) {
        if (auto* conv = module->as<nn::Conv2d>()) {
            nn::init::kaiming_normal_(conv->weight, /*a=*/0.0, torch::kFanOut);
            if (conv->bias.defined()) {
                nn::init::zeros_(conv->bias);
            }
        } else if (auto* linear = module->as<nn::Linear>()) {
            initLinear(*linear);
        }
    }
}

std::vector<std::string> EfficientNetImpl::blockNames() const {
    return featureBlockNames(m_features->size());
}

torch::Tensor EfficientNetImpl::forwardBlocks(torch::Tensor x, int first, int last) {
    return forwardFeatureRange(m_features, std::move(x), first, last, "EfficientNet");
}

torch::Tensor EfficientNetImpl::forwardNeck(torch::Tensor x) {
    x = torch::flatten(torch::adaptive_avg_pool2d(x, {1, 1}), 1);
    return m_dropout->forward(x);
}

void EfficientNetImpl::replaceHead(int64_t numClasses) {
    nn::Linear fresh(m_head->options.in_features(), numClasses);
    initLinear(*fresh);
    fresh->to(m_head->weight.device(), m_head->weight.scalar_type());
    fresh->train(is_training());
    m_head = fresh;
    // A Sequential keeps its own list of children for forward(); rebuilding it keeps that list
    // and the registered "classifier.1" in step.
    m_classifier = replace_module("classifier", nn::Sequential(m_dropout, m_head));
}

Backbone makeEfficientNet(std::string_view name, int64_t numClasses) {
    // Explicitly a pointer to the base: ModuleHolder's forwarding constructor would otherwise
    // take the derived pointer as constructor arguments for the abstract BackboneImpl.
    return Backbone(
        std::shared_ptr<BackboneImpl>(std::make_shared<EfficientNetImpl>(name, numClasses)));
}

} // namespace tstudio::models
