#pragma once

// Randomness that belongs to one caller. LibTorch's module initialisation and dropout draw from
// one process-wide generator and take no generator argument, so a network built to describe it
// (the Model page) could shift the weights or the dropout masks of a seeded run starting on
// another thread. Every draw of ours happens inside a SeededRandomScope instead: it owns the
// generator for its lifetime, seeds it, and leaves it as it found it.

#include <cstdint>
#include <mutex>

#include <torch/torch.h>

namespace tstudio::models {

class SeededRandomScope {
public:
    /** Waits for any other scope to end (scopes nest on one thread), then seeds torch's
        generators with seed. */
    explicit SeededRandomScope(std::uint64_t seed);
    /** Restores the CPU generator's state from before the scope. */
    ~SeededRandomScope();
    SeededRandomScope(const SeededRandomScope&) = delete;
    SeededRandomScope& operator=(const SeededRandomScope&) = delete;

private:
    std::unique_lock<std::recursive_mutex> m_lock;
    torch::Tensor m_savedState;
};

} // namespace tstudio::models
