#include "core/common/threads.h"

#include <cstdlib>
#include <thread>

#include <sched.h>
#include <unistd.h>

#include <torch/torch.h>

namespace tstudio {

namespace {
int availableCores() {
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
} // namespace

int useAllCores() {
    const int cores = availableCores();
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
