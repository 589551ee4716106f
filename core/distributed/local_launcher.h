#pragma once

// Public, torch-free: starting this machine's ranks of a data-parallel run, as torchrun does.

#include <chrono>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::distributed {

/** What to start: processesPerNode copies of program on this machine, node nodeRank of nodes. */
struct LocalLaunch {
    std::string program;                ///< the executable to start (usually this program)
    std::vector<std::string> arguments; ///< its arguments (argv[1..])
    int processesPerNode = 1;
    int nodes = 1;
    int nodeRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    /** Split the cores this process may use between the local ranks (each its own share), so
        that N processes at T threads each do not oversubscribe the machine. */
    bool splitCores = true;
    /** After one rank failed: how long the others get to end on SIGTERM before SIGKILL. */
    std::chrono::milliseconds grace = std::chrono::seconds(10);
};

/** How the ranks ended. */
struct LaunchOutcome {
    int exitCode = 0;    ///< 0 when every rank succeeded; else the first failed rank's status
                         ///< (128 + signal when a signal ended it)
    std::string message; ///< empty on success; else which rank failed, how, and what followed
};

/**
 * Starts the local ranks with the environment torchrun gives its workers (WORLD_SIZE, RANK,
 * LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT) and waits for all. When one fails (a
 * non-zero exit or a signal), the others are sent SIGTERM, and SIGKILL after launch.grace. Ctrl+C
 * reaches the ranks too (the terminal's process group), which stop cleanly together: after one,
 * the launcher does not end itself and waits for every rank instead of stopping them. Fails only
 * when a process cannot be started (the ones started are then stopped). Blocking; main thread only
 * (it handles SIGINT meanwhile).
 */
Result<LaunchOutcome> launchLocalRanks(const LocalLaunch& launch);

} // namespace tstudio::distributed
