#include "core/models/layers.h"

#include <algorithm>
#include <vector>

namespace tstudio::models {

std::vector<std::string> featureBlockNames(size_t count) {
    std::vector<std::string> names;
    for (size_t i = 0; i < count; ++i) {
        names.push_back("features." + std::to_string(i));
    }
    return names;
}

torch::Tensor forwardFeatureRange(torch::nn::Sequential& features, torch::Tensor x, int first,
                                  int last, const char* network) {
    TORCH_CHECK(0 <= first && first <= last && static_cast<size_t>(last) <= features->size(),
                network, ": block range [", first, ", ", last, ") out of range");
    for (int i = first; i < last; ++i) {
        x = (features->begin() + i)->forward(x);
    }
    return x;
}

int64_t makeDivisible(double value, int64_t divisor) {
    int64_t rounded =
        std::max(divisor, static_cast<int64_t>(value + static_cast<double>(divisor) / 2.0) /
                              divisor * divisor);
    if (static_cast<double>(rounded) < 0.9 * value) {
        rounded += divisor;
    }
    return rounded;
}

SqueezeExcitationImpl::SqueezeExcitationImpl(int64_t channels, int64_t squeezeChannels, Style style)
    : m_fc1(register_module(
          "fc1", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, squeezeChannels, 1)))),
      m_fc2(register_module(
          "fc2", torch::nn::Conv2d(torch::nn::Conv2dOptions(squeezeChannels, channels, 1)))),
      m_style(style) {}

torch::Tensor SqueezeExcitationImpl::forward(torch::Tensor x) {
    torch::Tensor scale = torch::adaptive_avg_pool2d(x, {1, 1});
    if (m_style == Style::SiLUSigmoid) {
        scale = torch::sigmoid(m_fc2->forward(torch::silu(m_fc1->forward(scale))));
    } else {
        scale = torch::hardsigmoid(m_fc2->forward(torch::relu(m_fc1->forward(scale))));
    }
    return scale * x;
}

torch::Tensor StochasticDepthImpl::forward(torch::Tensor x) {
    if (!is_training() || m_p == 0.0) {
        return x;
    }
    const double survival = 1.0 - m_p;
    std::vector<int64_t> size(static_cast<size_t>(x.dim()), 1);
    size[0] = x.size(0);
    torch::Tensor noise = torch::empty(size, x.options()).bernoulli_(survival);
    if (survival > 0.0) {
        noise.div_(survival);
    }
    return x * noise;
}

} // namespace tstudio::models
