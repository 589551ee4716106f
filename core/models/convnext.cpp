#include "core/models/convnext.h"

#include <cmath>
#include <memory>
#include <utility>

#include "core/models/layers.h"

namespace tstudio::models {

namespace {

namespace nn = torch::nn;

constexpr double kLayerScale = 1e-6;
constexpr double kNormEps = 1e-6;
constexpr double kStochasticDepthProb = 0.1;

/// torchvision.ops.misc.Permute.
class PermuteImpl : public nn::Module {
public:
    explicit PermuteImpl(std::vector<int64_t> dims) : m_dims(std::move(dims)) {}
    torch::Tensor forward(torch::Tensor x) { return x.permute(m_dims); }

private:
    std::vector<int64_t> m_dims;
};

TORCH_MODULE(Permute);

/// torchvision.models.convnext.LayerNorm2d: LayerNorm over the channels of an NCHW tensor.
class LayerNorm2dImpl : public nn::Module {
public:
    explicit LayerNorm2dImpl(int64_t channels)
        : m_channels(channels), m_weight(register_parameter("weight", torch::ones({channels}))),
          m_bias(register_parameter("bias", torch::zeros({channels}))) {}

    torch::Tensor forward(torch::Tensor x) {
        x = x.permute({0, 2, 3, 1});
        x = torch::layer_norm(x, {m_channels}, m_weight, m_bias, kNormEps);
        return x.permute({0, 3, 1, 2});
    }

private:
    int64_t m_channels;
    torch::Tensor m_weight;
    torch::Tensor m_bias;
};

TORCH_MODULE(LayerNorm2d);

/// torchvision.models.convnext.CNBlock.
class CNBlockImpl : public nn::Module {
public:
    CNBlockImpl(int64_t dim, double stochasticDepthProb) {
        m_block = register_module(
            "block",
            nn::Sequential(
                nn::Conv2d(nn::Conv2dOptions(dim, dim, 7).padding(3).groups(dim).bias(true)),
                Permute(std::vector<int64_t>{0, 2, 3, 1}),
                nn::LayerNorm(nn::LayerNormOptions({dim}).eps(kNormEps)), nn::Linear(dim, 4 * dim),
                nn::GELU(), nn::Linear(4 * dim, dim), Permute(std::vector<int64_t>{0, 3, 1, 2})));
        m_layerScale = register_parameter("layer_scale", torch::full({dim, 1, 1}, kLayerScale));
        m_stochasticDepth =
            register_module("stochastic_depth", StochasticDepth(stochasticDepthProb));
    }

    torch::Tensor forward(torch::Tensor x) {
        torch::Tensor result = m_layerScale * m_block->forward(x);
        return m_stochasticDepth->forward(result) + x;
    }

private:
    nn::Sequential m_block{nullptr};
    torch::Tensor m_layerScale;
    StochasticDepth m_stochasticDepth{nullptr};
};

TORCH_MODULE(CNBlock);

/// One stage of convnext_tiny's block_setting; out == 0 means no downsampling after it.
struct StageConfig {
    int64_t in, out, layers;
};

constexpr StageConfig kTiny[] = {{96, 192, 3}, {192, 384, 3}, {384, 768, 9}, {768, 0, 3}};

/// nn.init.trunc_normal_(std=0.02) with torchvision's absolute cut-offs [-2, 2], done as PyTorch
/// does it (inverse CDF of a uniform draw); LibTorch 1.13 has no trunc_normal_.
void truncNormal(torch::Tensor& tensor, double stddev) {
    torch::NoGradGuard noGrad;
    const double lo = -2.0;
    const double hi = 2.0;
    const auto normCdf = [](double v) {
        return (1.0 + std::erf(v / std::sqrt(2.0))) / 2.0;
    };
    const double l = normCdf(lo / stddev);
    const double u = normCdf(hi / stddev);
    tensor.uniform_(2.0 * l - 1.0, 2.0 * u - 1.0);
    tensor.erfinv_();
    tensor.mul_(stddev * std::sqrt(2.0));
    tensor.clamp_(lo, hi);
}

constexpr double kInitStd = 0.02;

nn::Linear makeHead(int64_t in, int64_t numClasses) {
    nn::Linear linear(in, numClasses);
    truncNormal(linear->weight, kInitStd);
    nn::init::zeros_(linear->bias);
    return linear;
}

} // namespace

ConvNeXtImpl::ConvNeXtImpl(std::string_view name, int64_t numClasses) {
    TORCH_CHECK(name == "convnext_tiny", "ConvNeXt: unknown variant ", name);

    nn::Sequential features;
    // Patchify stem: Conv2dNormActivation(k=4, s=4, p=0, bias, LayerNorm2d, no activation).
    features->push_back(SequentialBlock(
        nn::Conv2d(nn::Conv2dOptions(3, kTiny[0].in, 4).stride(4).padding(0).bias(true)),
        LayerNorm2d(kTiny[0].in)));
    int64_t totalBlocks = 0;
    for (const StageConfig& stage : kTiny) {
        totalBlocks += stage.layers;
    }
    int64_t blockId = 0;
    for (const StageConfig& stage : kTiny) {
        SequentialBlock blocks;
        for (int64_t i = 0; i < stage.layers; ++i) {
            // Stochastic depth grows linearly from 0 at the first block to p at the last.
            const double p = kStochasticDepthProb * static_cast<double>(blockId) /
                             (static_cast<double>(totalBlocks) - 1.0);
            blocks->push_back(CNBlock(stage.in, p));
            ++blockId;
        }
        features->push_back(blocks);
        if (stage.out != 0) {
            features->push_back(
                SequentialBlock(LayerNorm2d(stage.in),
                                nn::Conv2d(nn::Conv2dOptions(stage.in, stage.out, 2).stride(2))));
        }
    }
    m_features = register_module("features", features);

    const int64_t width = kTiny[std::size(kTiny) - 1].in;
    m_norm = nn::AnyModule(LayerNorm2d(width));
    m_flatten = nn::Flatten(nn::FlattenOptions().start_dim(1));
    m_head = nn::Linear(width, numClasses);
    nn::Sequential classifier;
    classifier->push_back(m_norm);
    classifier->push_back(m_flatten);
    classifier->push_back(m_head);
    m_classifier = register_module("classifier", classifier);

    // torchvision's init loop; LayerNorms and layer_scale keep their construction values.
    for (const auto& module : modules(/*include_self=*/false)) {
        if (auto* conv = module->as<nn::Conv2d>()) {
            truncNormal(conv->weight, kInitStd);
            nn::init::zeros_(conv->bias);
        } else if (auto* linear = module->as<nn::Linear>()) {
            truncNormal(linear->weight, kInitStd);
            nn::init::zeros_(linear->bias);
        }
    }
}

std::vector<std::string> ConvNeXtImpl::blockNames() const {
    return featureBlockNames(m_features->size());
}

torch::Tensor ConvNeXtImpl::forwardBlocks(torch::Tensor x, int first, int last) {
    return forwardFeatureRange(m_features, std::move(x), first, last, "ConvNeXt");
}

torch::Tensor ConvNeXtImpl::forwardNeck(torch::Tensor x) {
    x = torch::adaptive_avg_pool2d(x, {1, 1});
    return m_flatten->forward(m_norm.forward(x));
}

void ConvNeXtImpl::replaceHead(int64_t numClasses) {
    nn::Linear fresh = makeHead(m_head->options.in_features(), numClasses);
    fresh->to(m_head->weight.device(), m_head->weight.scalar_type());
    fresh->train(is_training());
    m_head = fresh;
    // A Sequential keeps its own list of children for forward(); rebuilding it keeps that list
    // and the registered "classifier.2" in step.
    nn::Sequential classifier;
    classifier->push_back(m_norm);
    classifier->push_back(m_flatten);
    classifier->push_back(m_head);
    m_classifier = replace_module("classifier", classifier);
}

Backbone makeConvNeXt(std::string_view name, int64_t numClasses) {
    // Explicitly a pointer to the base: ModuleHolder's forwarding constructor would otherwise
    // take the derived pointer as constructor arguments for the abstract BackboneImpl.
    return Backbone(
        std::shared_ptr<BackboneImpl>(std::make_shared<ConvNeXtImpl>(name, numClasses)));
}

} // namespace tstudio::models
