#include "core/training/epoch_order.h"

#include <random>
#include <utility>

namespace tstudio::training {

namespace {

/** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

} // namespace

std::uint64_t epochSeed(std::uint64_t seed, int epoch) {
    return mix(seed ^ mix(0x7472616eull + static_cast<std::uint64_t>(epoch)));
}

std::uint64_t stepSeed(std::uint64_t seed, int epoch, std::int64_t batch) {
    return mix(epochSeed(seed, epoch) ^ mix(0x73746570ull + static_cast<std::uint64_t>(batch)));
}

std::vector<std::size_t> epochOrder(std::vector<std::size_t> order, std::uint64_t seed, int epoch) {
    std::mt19937_64 rng(epochSeed(seed, epoch));
    for (std::size_t i = order.size(); i > 1; --i) {
        // Rejection sampling: value % bound is uniform only below a multiple of bound.
        const std::uint64_t bound = i;
        const std::uint64_t limit = ~std::uint64_t{0} - ~std::uint64_t{0} % bound;
        std::uint64_t value = rng();
        while (value >= limit) {
            value = rng();
        }
        std::swap(order[i - 1], order[value % bound]);
    }
    return order;
}

} // namespace tstudio::training
