#include "core/distributed/shard.h"

namespace tstudio::distributed {

std::vector<std::size_t> shardOf(const std::vector<std::size_t>& order, int rank, int worldSize) {
    std::vector<std::size_t> out;
    if (order.empty() || worldSize < 1) {
        return out;
    }
    const std::size_t world = static_cast<std::size_t>(worldSize);
    const std::size_t padded = (order.size() + world - 1) / world * world;
    for (std::size_t i = static_cast<std::size_t>(rank); i < padded; i += world) {
        // Padding repeats from the start (more than once when order is shorter than the world).
        out.push_back(order[i % order.size()]);
    }
    return out;
}

std::vector<std::size_t> strideOf(const std::vector<std::size_t>& order, int rank, int worldSize) {
    std::vector<std::size_t> out;
    for (std::size_t i = static_cast<std::size_t>(rank); i < order.size();
         i += static_cast<std::size_t>(worldSize)) {
        out.push_back(order[i]);
    }
    return out;
}

} // namespace tstudio::distributed
