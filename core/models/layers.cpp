#include "core/models/layers.h"

#include <algorithm>
#include <vector>

namespace tstudio::models {

int64_t makeDivisible(double value, int64_t divisor) {
    int64_t rounded =
        std::max(divisor, static_cast<int64_t>(value + static_cast<double>(divisor) / 2.0) /
                              divisor * divisor);
    if (static_cast<double>(rounded) < 0.9 * value) {
        rounded += divisor;
    }
    return rounded;
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
