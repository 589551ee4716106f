#pragma once

// Public, torch-free: who this process is in a data-parallel run and where the group meets, from
// command-line flags or from the environment variables cluster launchers set.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "core/common/result.h"

namespace tstudio::distributed {

/** One process's place in a data-parallel run (PyTorch's names). */
struct ProcessGroupConfig {
    int rank = 0;      ///< 0 .. worldSize-1 over all machines; rank 0 serves the rendezvous
    int worldSize = 1; ///< processes in the run
    int localRank = 0; ///< index among the processes on this machine
    std::string masterAddr = "127.0.0.1"; ///< host of rank 0
    int masterPort = 29500;               ///< rank 0's TCPStore port (torchrun's default)
    /** How long a process waits for the others, at the rendezvous and in every collective: a
        rank that never arrives or stops answering ends the run after this long. */
    std::chrono::milliseconds timeout = std::chrono::minutes(5);

    bool distributed() const { return worldSize > 1; }
    bool isMain() const { return rank == 0; }
};

/** Reads one environment variable; nullopt when it is not set. */
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;

/** The process environment (getenv). */
EnvironmentLookup systemEnvironment();

/**
 * The configuration the environment describes, as torchrun and Kubeflow's PyTorchJob set it
 * (WORLD_SIZE, RANK, LOCAL_RANK, MASTER_ADDR, MASTER_PORT), or else as SLURM's srun does
 * (SLURM_NTASKS, SLURM_PROCID, SLURM_LOCALID, with MASTER_ADDR and MASTER_PORT exported by the
 * batch script). nullopt when neither names a run of more than one process. Fails with a message
 * naming the variable on a value that is not a number, a missing rank or master address, or
 * values that contradict each other. Any thread.
 */
Result<std::optional<ProcessGroupConfig>>
processGroupFromEnvironment(const EnvironmentLookup& environment = systemEnvironment());

/** success, or which value is out of range and why (rank >= world size, port 0, ...). */
Status validate(const ProcessGroupConfig& config);

/** "rank 1 of 4 (local 1), rendezvous at 10.0.0.1:29500" */
std::string describe(const ProcessGroupConfig& config);

} // namespace tstudio::distributed
