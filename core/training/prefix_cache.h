#pragma once

// Private to core/training: the frozen-prefix cache. When a prefix of the network is frozen, in
// eval mode, and sees the same pixels every epoch (no augmentation), its output is computed once
// per image and later epochs run only the rest of the network on these rows.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <torch/torch.h>

namespace tstudio::training {

/** Outputs of the frozen prefix, one row per readable sample. */
struct PrefixCache {
    torch::Tensor rows;
    std::map<std::size_t, std::int64_t> rowOf; ///< dataset index -> row
    torch::Tensor labels;                      ///< per row, on the device
    std::int64_t bytes = 0;
};

/** Whether a stage uses the cache, and the sentence for the run log saying why (not). */
struct PrefixCacheDecision {
    bool use = false;
    std::string reason; ///< empty when nothing is frozen (there is nothing to say)
};

struct PrefixCacheFacts {
    bool prefixFrozen = false;
    std::string prefixName; ///< "the first 5 blocks", "the whole backbone up to the head"
    bool enabled = true;    ///< the configuration allows it
    bool augment = false;
    std::int64_t estimatedBytes = 0; ///< train + val rows
    std::int64_t budgetBytes = 0;
};

PrefixCacheDecision decidePrefixCache(const PrefixCacheFacts& facts);

/** A batch on the compute device. */
struct DeviceBatch {
    torch::Tensor input; ///< images, or cached prefix outputs
    torch::Tensor labels;
    std::int64_t size = 0;
};

/**
 * The next batch of order from the cache, starting at position, exactly as the loader would
 * make it (samples that could not be read left out); advances position. nullopt at the end.
 */
std::optional<DeviceBatch> nextCachedBatch(const PrefixCache& cache,
                                           const std::vector<std::size_t>& order,
                                           std::size_t& position, int batchSize,
                                           torch::Device device);

} // namespace tstudio::training
