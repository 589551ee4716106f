#include "core/models/seeded_random.h"

#include <ATen/CPUGeneratorImpl.h>

namespace tstudio::models {

namespace {

std::recursive_mutex& generatorMutex() {
    static std::recursive_mutex mutex;
    return mutex;
}

at::Generator cpuGenerator() {
    return at::detail::getDefaultCPUGenerator();
}

} // namespace

SeededRandomScope::SeededRandomScope(std::uint64_t seed) : m_lock(generatorMutex()) {
    at::Generator generator = cpuGenerator();
    {
        std::lock_guard<std::mutex> guard(generator.mutex());
        m_savedState = generator.get_state();
    }
    // Seeds the CUDA generators too, where there are any: dropout on the GPU draws from them.
    torch::manual_seed(seed);
}

SeededRandomScope::~SeededRandomScope() {
    at::Generator generator = cpuGenerator();
    std::lock_guard<std::mutex> guard(generator.mutex());
    generator.set_state(m_savedState);
}

} // namespace tstudio::models
