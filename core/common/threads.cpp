#include "core/common/threads.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <thread>

#include <sched.h>
#include <unistd.h>

#include <torch/torch.h>

namespace tstudio {

int usableCores() {
    // The affinity mask, not hardware_concurrency(): containers and taskset restrict it.
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        const int count = CPU_COUNT(&set);
        if (count > 0) {
            return count;
        }
    }
    const unsigned hw = std::thread::hardware_concurrency();
    return hw > 0 ? static_cast<int>(hw) : 1;
}

namespace {
std::atomic<int> g_coreLimit{0};
}

CoreLimit::CoreLimit(int cores) : m_previousThreads(torch::get_num_threads()) {
    g_coreLimit.store(std::max(0, cores));
    useAllCores();
}

CoreLimit::~CoreLimit() {
    g_coreLimit.store(0);
    torch::set_num_threads(m_previousThreads);
}

int useAllCores() {
    const int limit = g_coreLimit.load();
    const int cores = limit > 0 ? std::min(limit, usableCores()) : usableCores();
    if (torch::get_num_threads() != cores) {
        torch::set_num_threads(cores);
    }
    return torch::get_num_threads();
}

void tuneOpenMpWaiting(char** argv) {
    if (std::getenv("OMP_WAIT_POLICY") != nullptr || std::getenv("GOMP_SPINCOUNT") != nullptr) {
        return;
    }
    ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
    ::setenv("GOMP_SPINCOUNT", "10000", 1);
    ::execv("/proc/self/exe", argv);
}

} // namespace tstudio
