#include "core/training/prefix_cache.h"

#include <algorithm>

#include "core/training/run_log.h"

namespace tstudio::training {

PrefixCacheDecision decidePrefixCache(const PrefixCacheFacts& facts) {
    if (!facts.prefixFrozen) {
        return {};
    }
    if (!facts.enabled) {
        return {false, "Frozen-prefix cache: off (turned off in the configuration)."};
    }
    if (facts.augment) {
        return {false, "Frozen-prefix cache: not used, because augmentation is on (every epoch "
                       "sees different pixels); " +
                           facts.prefixName +
                           " run without gradients every batch. Turn augmentation off to "
                           "compute them once."};
    }
    if (facts.estimatedBytes > facts.budgetBytes) {
        return {false, "Frozen-prefix cache: not used, it would need " +
                           formatMegabytes(facts.estimatedBytes) + " (limit " +
                           formatMegabytes(facts.budgetBytes) + ")."};
    }
    return {true, ""}; // the run logs the cache's size and time once it is built
}

std::optional<DeviceBatch> nextCachedBatch(const PrefixCache& cache,
                                           const std::vector<std::size_t>& order,
                                           std::size_t& position, int batchSize,
                                           torch::Device device) {
    while (position < order.size()) {
        const std::size_t end =
            std::min(order.size(), position + static_cast<std::size_t>(batchSize));
        std::vector<std::int64_t> rows;
        for (std::size_t p = position; p < end; ++p) {
            const auto it = cache.rowOf.find(order[p]);
            if (it != cache.rowOf.end()) {
                rows.push_back(it->second);
            }
        }
        position = end;
        if (rows.empty()) {
            continue;
        }
        const torch::Tensor index = torch::tensor(rows, torch::kInt64).to(device);
        DeviceBatch out;
        out.input = cache.rows.index_select(0, index);
        out.labels = cache.labels.index_select(0, index);
        out.size = static_cast<std::int64_t>(rows.size());
        return out;
    }
    return std::nullopt;
}

} // namespace tstudio::training
