#pragma once

// Public, torch-free: how a data-parallel run splits one epoch's order between its processes.

#include <cstddef>
#include <vector>

namespace tstudio::distributed {

/**
 * Rank's part of order, as PyTorch's DistributedSampler makes it (drop_last off): order is padded
 * to a multiple of worldSize by repeating its first items, then rank r takes the items at r,
 * r + worldSize, r + 2 worldSize, ... Every rank gets the same number of items, so every rank
 * takes the same number of steps. Batch k of B items on each of W ranks then covers the same
 * items as batch k of W * B items in one process. Empty order: empty. Any thread.
 */
std::vector<std::size_t> shardOf(const std::vector<std::size_t>& order, int rank, int worldSize);

/**
 * Rank's part of order without padding (rank r takes r, r + worldSize, ...), for evaluation:
 * summed over the ranks, every item is counted exactly once. Any thread.
 */
std::vector<std::size_t> strideOf(const std::vector<std::size_t>& order, int rank, int worldSize);

} // namespace tstudio::distributed
