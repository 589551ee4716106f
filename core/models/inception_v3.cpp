#include "core/models/inception_v3.h"

#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace tstudio::models {
namespace {

namespace nn = torch::nn;

using Size2 = torch::ExpandingArray<2>;

/// Conv (no bias) + BN (eps 0.001) + ReLU, torchvision's BasicConv2d.
class BasicConv2dImpl : public nn::Module {
public:
    BasicConv2dImpl(int64_t in, int64_t out, Size2 kernel, Size2 stride, Size2 padding)
        : m_conv(register_module(
              "conv",
              nn::Conv2d(
                  nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false)))),
          m_bn(register_module("bn", nn::BatchNorm2d(nn::BatchNorm2dOptions(out).eps(0.001)))) {}

    torch::Tensor forward(const torch::Tensor& x) { return torch::relu(m_bn(m_conv(x))); }

private:
    nn::Conv2d m_conv;
    nn::BatchNorm2d m_bn;
};
TORCH_MODULE(BasicConv2d);

/// Braced kernel and padding lists cannot pass through TORCH_MODULE's forwarding constructor.
BasicConv2d basicConv(int64_t in, int64_t out, Size2 kernel, Size2 stride = 1, Size2 padding = 0) {
    return BasicConv2d(in, out, kernel, stride, padding);
}

torch::Tensor avgPool3x3(const torch::Tensor& x) {
    return torch::avg_pool2d(x, /*kernel_size=*/3, /*stride=*/1, /*padding=*/1);
}

torch::Tensor maxPool3x3s2(const torch::Tensor& x) {
    return torch::max_pool2d(x, /*kernel_size=*/3, /*stride=*/2);
}

// Members are registered in torchvision's attribute order, which is also construction order:
// that order decides which random numbers each layer draws.

class InceptionAImpl : public nn::Module {
public:
    InceptionAImpl(int64_t in, int64_t poolFeatures)
        : m_branch1x1(register_module("branch1x1", basicConv(in, 64, 1))),
          m_branch5x5_1(register_module("branch5x5_1", basicConv(in, 48, 1))),
          m_branch5x5_2(register_module("branch5x5_2", basicConv(48, 64, 5, 1, 2))),
          m_branch3x3dbl_1(register_module("branch3x3dbl_1", basicConv(in, 64, 1))),
          m_branch3x3dbl_2(register_module("branch3x3dbl_2", basicConv(64, 96, 3, 1, 1))),
          m_branch3x3dbl_3(register_module("branch3x3dbl_3", basicConv(96, 96, 3, 1, 1))),
          m_branchPool(register_module("branch_pool", basicConv(in, poolFeatures, 1))) {}

    torch::Tensor forward(const torch::Tensor& x) {
        return torch::cat({m_branch1x1(x), m_branch5x5_2(m_branch5x5_1(x)),
                           m_branch3x3dbl_3(m_branch3x3dbl_2(m_branch3x3dbl_1(x))),
                           m_branchPool(avgPool3x3(x))},
                          /*dim=*/1);
    }

private:
    BasicConv2d m_branch1x1, m_branch5x5_1, m_branch5x5_2, m_branch3x3dbl_1, m_branch3x3dbl_2,
        m_branch3x3dbl_3, m_branchPool;
};
TORCH_MODULE(InceptionA);

class InceptionBImpl : public nn::Module {
public:
    explicit InceptionBImpl(int64_t in)
        : m_branch3x3(register_module("branch3x3", basicConv(in, 384, 3, 2))),
          m_branch3x3dbl_1(register_module("branch3x3dbl_1", basicConv(in, 64, 1))),
          m_branch3x3dbl_2(register_module("branch3x3dbl_2", basicConv(64, 96, 3, 1, 1))),
          m_branch3x3dbl_3(register_module("branch3x3dbl_3", basicConv(96, 96, 3, 2))) {}

    torch::Tensor forward(const torch::Tensor& x) {
        return torch::cat({m_branch3x3(x), m_branch3x3dbl_3(m_branch3x3dbl_2(m_branch3x3dbl_1(x))),
                           maxPool3x3s2(x)},
                          /*dim=*/1);
    }

private:
    BasicConv2d m_branch3x3, m_branch3x3dbl_1, m_branch3x3dbl_2, m_branch3x3dbl_3;
};
TORCH_MODULE(InceptionB);

class InceptionCImpl : public nn::Module {
public:
    InceptionCImpl(int64_t in, int64_t c7)
        : m_branch1x1(register_module("branch1x1", basicConv(in, 192, 1))),
          m_branch7x7_1(register_module("branch7x7_1", basicConv(in, c7, 1))),
          m_branch7x7_2(register_module("branch7x7_2", basicConv(c7, c7, {1, 7}, 1, {0, 3}))),
          m_branch7x7_3(register_module("branch7x7_3", basicConv(c7, 192, {7, 1}, 1, {3, 0}))),
          m_branch7x7dbl_1(register_module("branch7x7dbl_1", basicConv(in, c7, 1))),
          m_branch7x7dbl_2(register_module("branch7x7dbl_2", basicConv(c7, c7, {7, 1}, 1, {3, 0}))),
          m_branch7x7dbl_3(register_module("branch7x7dbl_3", basicConv(c7, c7, {1, 7}, 1, {0, 3}))),
          m_branch7x7dbl_4(register_module("branch7x7dbl_4", basicConv(c7, c7, {7, 1}, 1, {3, 0}))),
          m_branch7x7dbl_5(
              register_module("branch7x7dbl_5", basicConv(c7, 192, {1, 7}, 1, {0, 3}))),
          m_branchPool(register_module("branch_pool", basicConv(in, 192, 1))) {}

    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor dbl = m_branch7x7dbl_2(m_branch7x7dbl_1(x));
        dbl = m_branch7x7dbl_5(m_branch7x7dbl_4(m_branch7x7dbl_3(dbl)));
        return torch::cat({m_branch1x1(x), m_branch7x7_3(m_branch7x7_2(m_branch7x7_1(x))), dbl,
                           m_branchPool(avgPool3x3(x))},
                          /*dim=*/1);
    }

private:
    BasicConv2d m_branch1x1, m_branch7x7_1, m_branch7x7_2, m_branch7x7_3, m_branch7x7dbl_1,
        m_branch7x7dbl_2, m_branch7x7dbl_3, m_branch7x7dbl_4, m_branch7x7dbl_5, m_branchPool;
};
TORCH_MODULE(InceptionC);

class InceptionDImpl : public nn::Module {
public:
    explicit InceptionDImpl(int64_t in)
        : m_branch3x3_1(register_module("branch3x3_1", basicConv(in, 192, 1))),
          m_branch3x3_2(register_module("branch3x3_2", basicConv(192, 320, 3, 2))),
          m_branch7x7x3_1(register_module("branch7x7x3_1", basicConv(in, 192, 1))),
          m_branch7x7x3_2(register_module("branch7x7x3_2", basicConv(192, 192, {1, 7}, 1, {0, 3}))),
          m_branch7x7x3_3(register_module("branch7x7x3_3", basicConv(192, 192, {7, 1}, 1, {3, 0}))),
          m_branch7x7x3_4(register_module("branch7x7x3_4", basicConv(192, 192, 3, 2))) {}

    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor b7 = m_branch7x7x3_2(m_branch7x7x3_1(x));
        b7 = m_branch7x7x3_4(m_branch7x7x3_3(b7));
        return torch::cat({m_branch3x3_2(m_branch3x3_1(x)), b7, maxPool3x3s2(x)}, /*dim=*/1);
    }

private:
    BasicConv2d m_branch3x3_1, m_branch3x3_2, m_branch7x7x3_1, m_branch7x7x3_2, m_branch7x7x3_3,
        m_branch7x7x3_4;
};
TORCH_MODULE(InceptionD);

class InceptionEImpl : public nn::Module {
public:
    explicit InceptionEImpl(int64_t in)
        : m_branch1x1(register_module("branch1x1", basicConv(in, 320, 1))),
          m_branch3x3_1(register_module("branch3x3_1", basicConv(in, 384, 1))),
          m_branch3x3_2a(register_module("branch3x3_2a", basicConv(384, 384, {1, 3}, 1, {0, 1}))),
          m_branch3x3_2b(register_module("branch3x3_2b", basicConv(384, 384, {3, 1}, 1, {1, 0}))),
          m_branch3x3dbl_1(register_module("branch3x3dbl_1", basicConv(in, 448, 1))),
          m_branch3x3dbl_2(register_module("branch3x3dbl_2", basicConv(448, 384, 3, 1, 1))),
          m_branch3x3dbl_3a(
              register_module("branch3x3dbl_3a", basicConv(384, 384, {1, 3}, 1, {0, 1}))),
          m_branch3x3dbl_3b(
              register_module("branch3x3dbl_3b", basicConv(384, 384, {3, 1}, 1, {1, 0}))),
          m_branchPool(register_module("branch_pool", basicConv(in, 192, 1))) {}

    torch::Tensor forward(const torch::Tensor& x) {
        const torch::Tensor b3 = m_branch3x3_1(x);
        const torch::Tensor dbl = m_branch3x3dbl_2(m_branch3x3dbl_1(x));
        return torch::cat({m_branch1x1(x), torch::cat({m_branch3x3_2a(b3), m_branch3x3_2b(b3)}, 1),
                           torch::cat({m_branch3x3dbl_3a(dbl), m_branch3x3dbl_3b(dbl)}, 1),
                           m_branchPool(avgPool3x3(x))},
                          /*dim=*/1);
    }

private:
    BasicConv2d m_branch1x1, m_branch3x3_1, m_branch3x3_2a, m_branch3x3_2b, m_branch3x3dbl_1,
        m_branch3x3dbl_2, m_branch3x3dbl_3a, m_branch3x3dbl_3b, m_branchPool;
};
TORCH_MODULE(InceptionE);

/// The auxiliary classifier: registered so official weights load, never run (eval semantics).
class InceptionAuxImpl : public nn::Module {
public:
    InceptionAuxImpl(int64_t in, int64_t numClasses)
        : m_conv0(register_module("conv0", basicConv(in, 128, 1))),
          m_conv1(register_module("conv1", basicConv(128, 768, 5))),
          m_fc(register_module("fc", nn::Linear(768, numClasses))) {}

    /// torchvision's training-time auxiliary logits, for completeness.
    torch::Tensor forward(const torch::Tensor& x) {
        torch::Tensor y = torch::avg_pool2d(x, /*kernel_size=*/5, /*stride=*/3);
        y = m_conv1(m_conv0(y));
        y = torch::flatten(torch::adaptive_avg_pool2d(y, {1, 1}), /*start_dim=*/1);
        return m_fc(y);
    }

    void replaceFc(nn::Linear fc) { m_fc = replace_module("fc", std::move(fc)); }

private:
    BasicConv2d m_conv0, m_conv1;
    nn::Linear m_fc;
};
TORCH_MODULE(InceptionAux);

/// torch.nn.init.trunc_normal_(w, mean=0, std, a=-2, b=2), step for step so seeded builds match.
/// The bounds are absolute, not in units of std: torchvision's call, kept as it is.
void truncNormal(const torch::Tensor& weight, double stddev) {
    const auto normCdf = [](double v) {
        return (1.0 + std::erf(v / std::sqrt(2.0))) / 2.0;
    };
    const double lower = normCdf(-2.0 / stddev);
    const double upper = normCdf(2.0 / stddev);
    torch::NoGradGuard noGrad;
    weight.uniform_(2 * lower - 1, 2 * upper - 1);
    weight.erfinv_();
    weight.mul_(stddev * std::sqrt(2.0));
    weight.add_(0.0);
    weight.clamp_(-2.0, 2.0);
}

constexpr double kInitStd = 0.1;
// torchvision sets stddev 0.001 on AuxLogits.fc; its 0.01 on AuxLogits.conv1 sits on the
// BasicConv2d wrapper, which the init loop never looks at, so that conv gets 0.1 (matched).
constexpr double kAuxFcInitStd = 0.001;
constexpr int64_t kFeatureWidth = 2048;
constexpr int64_t kAuxWidth = 768;

class InceptionV3Impl : public BackboneImpl {
public:
    explicit InceptionV3Impl(int64_t numClasses)
        : m_conv2d_1a_3x3(register_module("Conv2d_1a_3x3", basicConv(3, 32, 3, 2))),
          m_conv2d_2a_3x3(register_module("Conv2d_2a_3x3", basicConv(32, 32, 3))),
          m_conv2d_2b_3x3(register_module("Conv2d_2b_3x3", basicConv(32, 64, 3, 1, 1))),
          m_conv2d_3b_1x1(register_module("Conv2d_3b_1x1", basicConv(64, 80, 1))),
          m_conv2d_4a_3x3(register_module("Conv2d_4a_3x3", basicConv(80, 192, 3))),
          m_mixed5b(register_module("Mixed_5b", InceptionA(192, 32))),
          m_mixed5c(register_module("Mixed_5c", InceptionA(256, 64))),
          m_mixed5d(register_module("Mixed_5d", InceptionA(288, 64))),
          m_mixed6a(register_module("Mixed_6a", InceptionB(288))),
          m_mixed6b(register_module("Mixed_6b", InceptionC(768, 128))),
          m_mixed6c(register_module("Mixed_6c", InceptionC(768, 160))),
          m_mixed6d(register_module("Mixed_6d", InceptionC(768, 160))),
          m_mixed6e(register_module("Mixed_6e", InceptionC(768, 192))),
          m_auxLogits(register_module("AuxLogits", InceptionAux(kAuxWidth, numClasses))),
          m_mixed7a(register_module("Mixed_7a", InceptionD(768))),
          m_mixed7b(register_module("Mixed_7b", InceptionE(1280))),
          m_mixed7c(register_module("Mixed_7c", InceptionE(2048))),
          m_dropout(register_module("dropout", nn::Dropout(0.5))),
          m_fc(register_module("fc", nn::Linear(kFeatureWidth, numClasses))) {
        for (const auto& item : named_modules(/*name_prefix=*/"", /*include_self=*/false)) {
            if (auto* conv = item.value()->as<nn::Conv2d>()) {
                truncNormal(conv->weight, kInitStd);
            } else if (auto* linear = item.value()->as<nn::Linear>()) {
                truncNormal(linear->weight,
                            item.key() == "AuxLogits.fc" ? kAuxFcInitStd : kInitStd);
            } else if (auto* bn = item.value()->as<nn::BatchNorm2d>()) {
                nn::init::ones_(bn->weight);
                nn::init::zeros_(bn->bias);
            }
        }
    }

    std::vector<std::string> blockNames() const override {
        return {"stem",     "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b",
                "Mixed_6c", "Mixed_6d", "Mixed_6e", "Mixed_7a", "Mixed_7b", "Mixed_7c"};
    }

    std::vector<std::string> blockModulePaths(int block) const override {
        if (block == 0) {
            return {"Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "Conv2d_3b_1x1",
                    "Conv2d_4a_3x3"};
        }
        if (block == kMixed6eBlock) {
            // Freezing Mixed_6e freezes the auxiliary branch that hangs off it.
            return {"Mixed_6e", "AuxLogits"};
        }
        return BackboneImpl::blockModulePaths(block);
    }

    torch::Tensor forwardBlocks(torch::Tensor x, int first, int last) override {
        TORCH_CHECK(0 <= first && first <= last && last <= kBlockCount,
                    "Inception v3 has blocks [0, ", kBlockCount, "), got [", first, ", ", last,
                    ")");
        for (int block = first; block < last; ++block) {
            x = runBlock(block, std::move(x));
        }
        return x;
    }

    torch::Tensor forwardNeck(torch::Tensor x) override {
        x = m_dropout(torch::adaptive_avg_pool2d(x, {1, 1}));
        return torch::flatten(x, /*start_dim=*/1);
    }

    nn::Linear head() const override { return m_fc; }
    std::string headPath() const override { return "fc"; }
    std::vector<std::string> optionalModulePaths() const override { return {"AuxLogits"}; }

    void replaceHead(int64_t numClasses) override {
        // The auxiliary head follows, so the state dict stays that of a torchvision
        // Inception3(num_classes=numClasses, aux_logits=True).
        nn::Linear auxFc(kAuxWidth, numClasses);
        truncNormal(auxFc->weight, kAuxFcInitStd);
        m_auxLogits->replaceFc(auxFc);
        nn::Linear fc(kFeatureWidth, numClasses);
        truncNormal(fc->weight, kInitStd);
        m_fc = replace_module("fc", fc);
    }

private:
    static constexpr int kMixed6eBlock = 8;
    static constexpr int kBlockCount = 12;

    /// The official weights were trained on inputs normalised with mean 0.5 and std 0.5;
    /// transform_input turns an ImageNet-normalised batch into that, per channel.
    static torch::Tensor transformInput(const torch::Tensor& x) {
        const torch::Tensor ch0 = x.select(1, 0).unsqueeze(1) * (0.229 / 0.5) + (0.485 - 0.5) / 0.5;
        const torch::Tensor ch1 = x.select(1, 1).unsqueeze(1) * (0.224 / 0.5) + (0.456 - 0.5) / 0.5;
        const torch::Tensor ch2 = x.select(1, 2).unsqueeze(1) * (0.225 / 0.5) + (0.406 - 0.5) / 0.5;
        return torch::cat({ch0, ch1, ch2}, /*dim=*/1);
    }

    torch::Tensor runBlock(int block, torch::Tensor x) {
        switch (block) {
        case 0:
            x = m_conv2d_2b_3x3(m_conv2d_2a_3x3(m_conv2d_1a_3x3(transformInput(x))));
            x = maxPool3x3s2(x);
            x = m_conv2d_4a_3x3(m_conv2d_3b_1x1(x));
            return maxPool3x3s2(x);
        case 1:
            return m_mixed5b(x);
        case 2:
            return m_mixed5c(x);
        case 3:
            return m_mixed5d(x);
        case 4:
            return m_mixed6a(x);
        case 5:
            return m_mixed6b(x);
        case 6:
            return m_mixed6c(x);
        case 7:
            return m_mixed6d(x);
        case kMixed6eBlock:
            return m_mixed6e(x);
        case 9:
            return m_mixed7a(x);
        case 10:
            return m_mixed7b(x);
        default:
            return m_mixed7c(x);
        }
    }

    BasicConv2d m_conv2d_1a_3x3, m_conv2d_2a_3x3, m_conv2d_2b_3x3, m_conv2d_3b_1x1, m_conv2d_4a_3x3;
    InceptionA m_mixed5b, m_mixed5c, m_mixed5d;
    InceptionB m_mixed6a;
    InceptionC m_mixed6b, m_mixed6c, m_mixed6d, m_mixed6e;
    InceptionAux m_auxLogits;
    InceptionD m_mixed7a;
    InceptionE m_mixed7b, m_mixed7c;
    nn::Dropout m_dropout;
    nn::Linear m_fc;
};

} // namespace

Backbone makeInceptionV3(int64_t numClasses) {
    return Backbone(std::shared_ptr<BackboneImpl>(std::make_shared<InceptionV3Impl>(numClasses)));
}

} // namespace tstudio::models
