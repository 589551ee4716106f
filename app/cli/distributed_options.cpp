#include "distributed_options.h"

#include <cstdio>
#include <filesystem>

#include "core/distributed/free_port.h"

namespace tstudio::cli {

namespace {

/** The options only the launcher reads; its ranks learn the same from their environment. */
const std::vector<std::string> kLauncherOptions{"nproc-per-node", "nnodes", "node-rank",
                                                "master-addr", "master-port"};

std::vector<std::string> withoutLauncherOptions(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") {
            out.insert(out.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
            break;
        }
        bool launcherOption = false;
        for (const std::string& name : kLauncherOptions) {
            const std::string flag = "--" + name;
            if (args[i] == flag) {
                launcherOption = true;
                ++i; // and its value
                break;
            }
            if (args[i].rfind(flag + "=", 0) == 0) {
                launcherOption = true;
                break;
            }
        }
        if (!launcherOption) {
            out.push_back(args[i]);
        }
    }
    return out;
}

} // namespace

void addDistributedOptions(ArgParser& parser) {
    parser.addOption("nproc-per-node", "N",
                     "Data-parallel training: start N processes on this machine\n"
                     "(the cores are split between them); --batch is per process.",
                     "1");
    parser.addOption("nnodes", "M",
                     "Data-parallel training over M machines (start the same\n"
                     "command on each, with its --node-rank).",
                     "1");
    parser.addOption("node-rank", "R", "This machine's number, 0 .. M-1; node 0 runs rank 0.", "0");
    parser.addOption("master-addr", "HOST", "The host of node 0, where the ranks meet.",
                     "127.0.0.1");
    parser.addOption("master-port", "P",
                     "Node 0's rendezvous port (default: a free one on one machine,\n"
                     "29500 across machines).");
    parser.addOption("dist-timeout", "SECONDS",
                     "How long a rank waits for the others (to arrive, or to answer)\n"
                     "before the run ends with a message.",
                     "300");
}

std::optional<DistributedPlan> distributedPlanFrom(const ArgParser& parser,
                                                   const std::vector<std::string>& args,
                                                   const char* command) {
    const auto bad = [command](const std::string& message) {
        std::fprintf(stderr, "tstudio %s: %s\n", command, message.c_str());
        return std::nullopt;
    };
    int timeoutSeconds = 300;
    if (!parseInt(parser.value("dist-timeout"), 1, 86400, timeoutSeconds)) {
        return bad("--dist-timeout needs a number of seconds from 1 to 86400 (see --help)");
    }
    DistributedPlan plan;
    auto fromEnvironment = distributed::processGroupFromEnvironment();
    if (!fromEnvironment) {
        return bad(fromEnvironment.message());
    }
    bool launcherOptionGiven = false;
    for (const std::string& name : kLauncherOptions) {
        launcherOptionGiven = launcherOptionGiven || parser.isSet(name);
    }
    if (*fromEnvironment) {
        if (launcherOptionGiven) {
            return bad("WORLD_SIZE (or SLURM_NTASKS) in the environment says a launcher started "
                       "this process as one rank; do not also give --nproc-per-node, --nnodes, "
                       "--node-rank, --master-addr or --master-port");
        }
        plan.role = DistributedPlan::Role::Rank;
        plan.group = **fromEnvironment;
        plan.group.timeout = std::chrono::seconds(timeoutSeconds);
        return plan;
    }
    distributed::LocalLaunch& launch = plan.launch;
    if (!parseInt(parser.value("nproc-per-node"), 1, 1024, launch.processesPerNode) ||
        !parseInt(parser.value("nnodes"), 1, 65536, launch.nodes)) {
        return bad("--nproc-per-node and --nnodes need a number >= 1 (see --help)");
    }
    if (!parseInt(parser.value("node-rank"), 0, launch.nodes - 1, launch.nodeRank)) {
        return bad("--node-rank must be from 0 to " + std::to_string(launch.nodes - 1) +
                   " (--nnodes " + std::to_string(launch.nodes) + ")");
    }
    if (launch.processesPerNode * launch.nodes == 1) {
        if (launcherOptionGiven && launch.nodes == 1 && parser.isSet("node-rank")) {
            return bad("--node-rank needs --nnodes");
        }
        return plan; // one process: no group
    }
    launch.masterAddr = parser.value("master-addr");
    if (launch.masterAddr.empty()) {
        return bad("--master-addr is empty");
    }
    if (parser.isSet("master-port")) {
        if (!parseInt(parser.value("master-port"), 1, 65535, launch.masterPort)) {
            return bad("--master-port needs a port from 1 to 65535");
        }
    } else if (launch.nodes > 1) {
        launch.masterPort = 29500; // every machine must name the same port
    } else {
        auto port = distributed::freeLocalPort();
        if (!port) {
            return bad(port.message());
        }
        launch.masterPort = *port;
    }
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return bad("cannot find this program to start its ranks: " + ec.message());
    }
    launch.program = self.string();
    launch.arguments = {command};
    const std::vector<std::string> passed = withoutLauncherOptions(args);
    launch.arguments.insert(launch.arguments.end(), passed.begin(), passed.end());
    plan.role = DistributedPlan::Role::Launcher;
    return plan;
}

std::string distributedOptionsHelp() {
    return "Data-parallel training (PyTorch DDP semantics on c10d/Gloo): --nproc-per-node N "
           "starts N\nranks here; every rank trains on its share of each epoch (--batch per "
           "rank), gradients\nare averaged before every step, only rank 0 writes DIR. Across "
           "machines, run on each:\n  tstudio train ... --nnodes 2 --node-rank 0|1 --master-addr "
           "HOST0 --master-port 29500\nUnder torchrun, srun or a Kubeflow PyTorchJob the "
           "environment (WORLD_SIZE, RANK,\nLOCAL_RANK, MASTER_ADDR, MASTER_PORT; or "
           "SLURM_NTASKS, SLURM_PROCID with MASTER_ADDR)\nmakes this process one rank; give no "
           "launcher options then. Resume with another number\nof processes keeps the batch per "
           "step: --batch times the processes as before.\n\n";
}

} // namespace tstudio::cli
