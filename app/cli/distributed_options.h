#pragma once

// tstudio train's data-parallel options and what they make of this process: the only process,
// the launcher of this machine's ranks, or one rank (started by a launcher: ours, torchrun,
// srun, Kubeflow).

#include <optional>
#include <string>
#include <vector>

#include "arg_parser.h"
#include "core/distributed/local_launcher.h"
#include "core/distributed/process_group_config.h"

namespace tstudio::cli {

struct DistributedPlan {
    enum class Role {
        Single,   ///< no data parallelism
        Launcher, ///< start launch's ranks and wait for them
        Rank,     ///< join group and train as one rank
    };
    Role role = Role::Single;
    distributed::LocalLaunch launch;
    distributed::ProcessGroupConfig group;
};

/** --nproc-per-node, --nnodes, --node-rank, --master-addr, --master-port, --dist-timeout. */
void addDistributedOptions(ArgParser& parser);

/**
 * The plan the options and the environment (WORLD_SIZE, RANK, ... or SLURM's) describe; args are
 * the command's own arguments, which the launcher passes on to its ranks without the launcher's
 * options. nullopt after saying what is wrong on stderr.
 */
std::optional<DistributedPlan> distributedPlanFrom(const ArgParser& parser,
                                                   const std::vector<std::string>& args,
                                                   const char* command);

/** Help on data-parallel runs, for the epilogue. */
std::string distributedOptionsHelp();

} // namespace tstudio::cli
