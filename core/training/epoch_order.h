#pragma once

// Private to core/training: the seeded order of a run's samples and the seeds of its random
// draws, functions of (seed, epoch, batch) alone, so a resumed run repeats an uninterrupted one.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tstudio::training {

/** An independent seed for each epoch of a run. */
std::uint64_t epochSeed(std::uint64_t seed, int epoch);

/** The seed of one training step's random draws (dropout): independent per (epoch, batch). */
std::uint64_t stepSeed(std::uint64_t seed, int epoch, std::int64_t batch);

/** The epoch's sample order: a seeded Fisher-Yates shuffle of order (our own: std::shuffle
    differs between standard libraries). */
std::vector<std::size_t> epochOrder(std::vector<std::size_t> order, std::uint64_t seed, int epoch);

} // namespace tstudio::training
