#include "core/inference/top_classes.h"

#include <algorithm>
#include <cstddef>
#include <numeric>

namespace tstudio::inference {

std::vector<int> topClassIndices(const std::vector<float>& probabilities, int k) {
    std::vector<int> order(probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    const auto count =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(k, 0)), order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count),
                      order.end(), [&](int a, int b) {
                          return probabilities[static_cast<std::size_t>(a)] >
                                 probabilities[static_cast<std::size_t>(b)];
                      });
    order.resize(count);
    return order;
}

} // namespace tstudio::inference
