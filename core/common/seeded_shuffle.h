#pragma once

// Reproducible randomness that does not depend on the standard library: std::shuffle and
// std::uniform_int_distribution differ between implementations, and a seeded run, split or
// epoch order must be the same on every machine.

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace tstudio {

/** SplitMix64's finaliser: nearby inputs (seed, epoch, position) give unrelated outputs. */
constexpr std::uint64_t splitMix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/** Uniform in [0, bound) by rejection: value % bound is uniform only below a multiple of bound. */
inline std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t limit = ~std::uint64_t{0} - ~std::uint64_t{0} % bound;
    std::uint64_t value = rng();
    while (value >= limit) {
        value = rng();
    }
    return value % bound;
}

/** Fisher-Yates with uniformBelow. */
template <typename T> void seededShuffle(std::vector<T>& items, std::mt19937_64& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        std::swap(items[i - 1], items[uniformBelow(rng, i)]);
    }
}

} // namespace tstudio
