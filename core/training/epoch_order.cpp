#include "core/training/epoch_order.h"

#include <random>

#include "core/common/seeded_shuffle.h"

namespace tstudio::training {

std::uint64_t epochSeed(std::uint64_t seed, int epoch) {
    return splitMix64(seed ^ splitMix64(0x7472616eull + static_cast<std::uint64_t>(epoch)));
}

std::uint64_t stepSeed(std::uint64_t seed, int epoch, std::int64_t batch) {
    return splitMix64(epochSeed(seed, epoch) ^
                      splitMix64(0x73746570ull + static_cast<std::uint64_t>(batch)));
}

std::vector<std::size_t> epochOrder(std::vector<std::size_t> order, std::uint64_t seed, int epoch) {
    std::mt19937_64 rng(epochSeed(seed, epoch));
    seededShuffle(order, rng);
    return order;
}

} // namespace tstudio::training
