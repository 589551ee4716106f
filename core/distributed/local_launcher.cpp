#include "core/distributed/local_launcher.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <thread>

#include <sys/wait.h>

#include "core/distributed/rank_process.h"

namespace tstudio::distributed {

namespace {

/** Ctrl+C reached the launcher (and with it the ranks, which then stop together). */
std::atomic_bool g_interrupted{false};

void onInterrupt(int) {
    g_interrupted.store(true);
}

struct Rank {
    int rank = 0;
    pid_t pid = -1;
    bool running = false;
};

/** Waits for any child; nullopt-like -1 pid when there is none left. */
pid_t waitAny(int& status, bool block) {
    while (true) {
        const pid_t pid = ::waitpid(-1, &status, block ? 0 : WNOHANG);
        if (pid < 0 && errno == EINTR) {
            continue;
        }
        return pid;
    }
}

void stopOthers(std::vector<Rank>& ranks, std::chrono::milliseconds grace) {
    for (const Rank& r : ranks) {
        if (r.running) {
            ::kill(r.pid, SIGTERM);
        }
    }
    const auto deadline = std::chrono::steady_clock::now() + grace;
    auto anyRunning = [&] {
        for (const Rank& r : ranks) {
            if (r.running) {
                return true;
            }
        }
        return false;
    };
    while (anyRunning()) {
        int status = 0;
        const pid_t pid = waitAny(status, /*block=*/false);
        if (pid > 0) {
            for (Rank& r : ranks) {
                if (r.pid == pid) {
                    r.running = false;
                }
            }
            continue;
        }
        if (pid < 0) {
            break; // no children left
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            for (const Rank& r : ranks) {
                if (r.running) {
                    ::kill(r.pid, SIGKILL);
                }
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace

Result<LaunchOutcome> launchLocalRanks(const LocalLaunch& launch) {
    if (launch.processesPerNode < 1 || launch.nodes < 1 || launch.nodeRank < 0 ||
        launch.nodeRank >= launch.nodes) {
        return fail("Node " + std::to_string(launch.nodeRank) + " of " +
                    std::to_string(launch.nodes) + " with " +
                    std::to_string(launch.processesPerNode) +
                    " processes each does not exist: nodes and processes must be at least 1 and "
                    "the node rank below the number of nodes.");
    }
    const int world = launch.processesPerNode * launch.nodes;

    // Ctrl+C is the ranks' to handle (they stop together, rank 0 still writing its bundle);
    // the launcher only notes it, so as not to end the others when the first stopped rank exits.
    g_interrupted.store(false);
    struct sigaction note {};
    note.sa_handler = onInterrupt;
    struct sigaction previous {};
    ::sigaction(SIGINT, &note, &previous);

    std::vector<Rank> ranks;
    std::string startFailure;
    for (int local = 0; local < launch.processesPerNode; ++local) {
        const int rank = launch.nodeRank * launch.processesPerNode + local;
        RankProcessStart start;
        start.arguments.push_back(launch.program);
        start.arguments.insert(start.arguments.end(), launch.arguments.begin(),
                               launch.arguments.end());
        start.environment = rankEnvironment(world, rank, local, launch.processesPerNode,
                                            launch.masterAddr, launch.masterPort);
        if (launch.splitCores && launch.processesPerNode > 1) {
            start.cores = coreShare(local, launch.processesPerNode);
        }
        auto pid = startRankProcess(start);
        if (!pid) {
            startFailure = "Cannot start rank " + std::to_string(rank) + ": " + pid.message();
            break;
        }
        ranks.push_back(Rank{rank, *pid, true});
    }

    LaunchOutcome outcome;
    if (!startFailure.empty()) {
        stopOthers(ranks, launch.grace);
        ::sigaction(SIGINT, &previous, nullptr);
        return fail(startFailure);
    }
    std::size_t running = ranks.size();
    while (running > 0) {
        int status = 0;
        const pid_t pid = waitAny(status, /*block=*/true);
        if (pid < 0) {
            break;
        }
        Rank* ended = nullptr;
        for (Rank& r : ranks) {
            if (r.pid == pid && r.running) {
                ended = &r;
            }
        }
        if (ended == nullptr) {
            continue; // not one of ours
        }
        ended->running = false;
        --running;
        const bool failed = !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        if (failed && outcome.exitCode == 0) {
            outcome.exitCode = exitCodeOf(status);
            outcome.message =
                "rank " + std::to_string(ended->rank) + " " + describeExitStatus(status);
            // After Ctrl+C the ranks end on their own ("interrupted"): wait for all of them.
            if (running > 0 && !g_interrupted.load()) {
                outcome.message += "; stopping the other " + std::to_string(running) +
                                   " local rank" + (running == 1 ? "" : "s");
                stopOthers(ranks, launch.grace);
                running = 0;
            }
            outcome.message += ".";
        }
    }
    ::sigaction(SIGINT, &previous, nullptr);
    return outcome;
}

} // namespace tstudio::distributed
