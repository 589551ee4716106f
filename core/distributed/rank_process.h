#pragma once

// Public, torch-free: starting one process of a data-parallel run on this machine, and telling
// how it ended. Shared by the CLI's launcher (local_launcher.h) and by a process that is rank 0
// itself and starts the others (helper_ranks.h).

#include <filesystem>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::distributed {

/** What to start and how. */
struct RankProcessStart {
    std::vector<std::string> arguments;   ///< arguments[0] is the program's path
    std::vector<std::string> environment; ///< the whole environment, "NAME=value" each
    std::vector<int> cores;               ///< the cores it may run on; empty: this process's
    /** stdout and stderr go to this file (created, truncated) when set; else they are shared. */
    std::filesystem::path outputFile;
    /** Its own process group, so that Ctrl+C in a terminal reaches only the process that
        started it (a window), which then stops the run for all. */
    bool ownProcessGroup = false;
    /** SIGTERM reaches it when the thread that started it ends (Linux's parent-death signal):
        a window that crashes does not leave ranks behind. */
    bool endWithStarter = false;
};

/**
 * This process's environment without the variables of a torchrun launch (WORLD_SIZE, RANK,
 * LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT), then those for the given rank.
 */
std::vector<std::string> rankEnvironment(int worldSize, int rank, int localRank, int localWorldSize,
                                         const std::string& masterAddr, int masterPort);

/** The cores this process may use, split into n equal runs of neighbours: share i of n (a
    remainder is left unused, since ranks with different thread counts round differently). Empty
    when there are fewer cores than shares (then every share runs everywhere). */
std::vector<int> coreShare(int share, int shares);

/**
 * Starts start.arguments with start.environment (fork and exec; signals blocked in between so
 * a SIGTERM before exec ends it by default; SIGINT, SIGTERM and SIGPIPE at their defaults).
 * Returns its process id; fails when it cannot be forked ("fork failed: <reason>."). An exec that
 * fails ends the child with status 127. Any thread.
 */
Result<int> startRankProcess(const RankProcessStart& start);

/** "exited with status 3", "was ended by signal 9 (Killed)" for a waitpid status. */
std::string describeExitStatus(int status);
/** The status as a shell reports it: the exit code, or 128 + the signal. */
int exitCodeOf(int status);

} // namespace tstudio::distributed
