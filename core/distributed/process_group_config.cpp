#include "core/distributed/process_group_config.h"

#include <cstdlib>

#include "core/common/parse_number.h"

namespace tstudio::distributed {

namespace {

/** The variable as a whole number >= min; nullopt when unset; an error naming it otherwise. */
Result<std::optional<int>> intVariable(const EnvironmentLookup& environment, const char* name,
                                       int min) {
    const std::optional<std::string> text = environment(name);
    if (!text) {
        return std::optional<int>();
    }
    const std::optional<int> value = parseNumber<int>(*text);
    if (!value || *value < min) {
        return fail(std::string("The environment variable ") + name + " is \"" + *text +
                    "\"; it must be a whole number of at least " + std::to_string(min) + ".");
    }
    return std::optional<int>(*value);
}

} // namespace

EnvironmentLookup systemEnvironment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr) {
            return std::nullopt;
        }
        return std::string(value);
    };
}

Result<std::optional<ProcessGroupConfig>>
processGroupFromEnvironment(const EnvironmentLookup& environment) {
    // torchrun and Kubeflow name the run directly; srun only numbers its tasks.
    const bool torchrun = environment("WORLD_SIZE").has_value();
    const char* worldName = torchrun ? "WORLD_SIZE" : "SLURM_NTASKS";
    const char* rankName = torchrun ? "RANK" : "SLURM_PROCID";
    const char* localName = torchrun ? "LOCAL_RANK" : "SLURM_LOCALID";
    auto world = intVariable(environment, worldName, 1);
    if (!world) {
        return world.error();
    }
    if (!*world || **world == 1) {
        return std::optional<ProcessGroupConfig>();
    }
    ProcessGroupConfig config;
    config.worldSize = **world;
    auto rank = intVariable(environment, rankName, 0);
    if (!rank) {
        return rank.error();
    }
    if (!*rank) {
        return fail(std::string(worldName) + " is " + std::to_string(config.worldSize) + " but " +
                    rankName + " is not set: each process of the run needs its rank.");
    }
    config.rank = **rank;
    auto local = intVariable(environment, localName, 0);
    if (!local) {
        return local.error();
    }
    // Kubeflow runs one process per pod and sets no LOCAL_RANK.
    config.localRank = local->value_or(0);
    const std::optional<std::string> addr = environment("MASTER_ADDR");
    if (!addr || addr->empty()) {
        return fail(std::string(worldName) + " is " + std::to_string(config.worldSize) +
                    " but MASTER_ADDR is not set: export the host name of the machine that "
                    "runs rank 0 (in an sbatch script: MASTER_ADDR=$(scontrol show hostnames "
                    "\"$SLURM_JOB_NODELIST\" | head -n 1)).");
    }
    config.masterAddr = *addr;
    auto port = intVariable(environment, "MASTER_PORT", 1);
    if (!port) {
        return port.error();
    }
    config.masterPort = port->value_or(config.masterPort);
    if (auto status = validate(config); !status) {
        return status.error();
    }
    return std::optional<ProcessGroupConfig>(config);
}

Status validate(const ProcessGroupConfig& config) {
    if (config.worldSize < 1) {
        return fail("The world size must be at least 1, not " + std::to_string(config.worldSize) +
                    ".");
    }
    if (config.rank < 0 || config.rank >= config.worldSize) {
        return fail("Rank " + std::to_string(config.rank) + " does not exist in a run of " +
                    std::to_string(config.worldSize) + " processes: ranks go from 0 to " +
                    std::to_string(config.worldSize - 1) + ".");
    }
    if (config.localRank < 0 || config.localRank > config.rank) {
        // Local ranks number the processes of one machine, so none exceeds the global rank.
        return fail("Local rank " + std::to_string(config.localRank) + " cannot belong to rank " +
                    std::to_string(config.rank) + ": it must be from 0 to the rank.");
    }
    if (config.masterPort < 1 || config.masterPort > 65535) {
        return fail("The master port must be from 1 to 65535, not " +
                    std::to_string(config.masterPort) + ".");
    }
    if (config.masterAddr.empty()) {
        return fail("The master address (the host of rank 0) is empty.");
    }
    if (config.timeout.count() <= 0) {
        return fail("The timeout must be positive.");
    }
    return success();
}

std::string describe(const ProcessGroupConfig& config) {
    std::string text = "rank ";
    text += std::to_string(config.rank);
    text += " of ";
    text += std::to_string(config.worldSize);
    text += " (local ";
    text += std::to_string(config.localRank);
    text += "), rendezvous at ";
    text += config.masterAddr;
    text += ":";
    text += std::to_string(config.masterPort);
    return text;
}

} // namespace tstudio::distributed
