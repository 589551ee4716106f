#include "core/distributed/local_launcher.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include <pthread.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

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

/** The cores this process may use, split round-robin: share i of n. All of them when there
    are fewer cores than shares. */
bool coreShare(int share, int shares, cpu_set_t& out) {
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) {
        return false;
    }
    std::vector<int> cores;
    for (int c = 0; c < CPU_SETSIZE; ++c) {
        if (CPU_ISSET(c, &allowed)) {
            cores.push_back(c);
        }
    }
    if (static_cast<int>(cores.size()) < shares) {
        return false;
    }
    CPU_ZERO(&out);
    for (std::size_t i = static_cast<std::size_t>(share); i < cores.size();
         i += static_cast<std::size_t>(shares)) {
        CPU_SET(cores[i], &out);
    }
    return true;
}

std::string describeStatus(int status) {
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        const char* name = ::strsignal(signal);
        return "was ended by signal " + std::to_string(signal) + " (" +
               (name != nullptr ? name : "?") + ")";
    }
    return "exited with status " + std::to_string(WEXITSTATUS(status));
}

int exitCodeOf(int status) {
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

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
    // Everything a child needs is prepared before fork: after it, only async-signal-safe calls.
    std::vector<std::string> arguments{launch.program};
    arguments.insert(arguments.end(), launch.arguments.begin(), launch.arguments.end());
    std::vector<char*> argv;
    for (std::string& a : arguments) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> inherited;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        if (name != "WORLD_SIZE" && name != "RANK" && name != "LOCAL_RANK" &&
            name != "LOCAL_WORLD_SIZE" && name != "MASTER_ADDR" && name != "MASTER_PORT") {
            inherited.push_back(entry);
        }
    }

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
        std::vector<std::string> environment = inherited;
        environment.push_back("WORLD_SIZE=" + std::to_string(world));
        environment.push_back("RANK=" + std::to_string(rank));
        environment.push_back("LOCAL_RANK=" + std::to_string(local));
        environment.push_back("LOCAL_WORLD_SIZE=" + std::to_string(launch.processesPerNode));
        environment.push_back("MASTER_ADDR=" + launch.masterAddr);
        environment.push_back("MASTER_PORT=" + std::to_string(launch.masterPort));
        std::vector<char*> envp;
        for (std::string& e : environment) {
            envp.push_back(e.data());
        }
        envp.push_back(nullptr);
        cpu_set_t cores;
        const bool pin = launch.splitCores && launch.processesPerNode > 1 &&
                         coreShare(local, launch.processesPerNode, cores);

        // Signals stay blocked from fork to exec: a SIGTERM for a rank that has not reached exec
        // yet must end it by default, not run a handler this process installed.
        sigset_t all, mask;
        sigfillset(&all);
        ::pthread_sigmask(SIG_SETMASK, &all, &mask);
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::sigaction(SIGINT, &previous, nullptr); // the rank handles Ctrl+C itself
            struct sigaction byDefault {};
            byDefault.sa_handler = SIG_DFL;
            ::sigaction(SIGTERM, &byDefault, nullptr);
            ::pthread_sigmask(SIG_SETMASK, &mask, nullptr);
            if (pin) {
                ::sched_setaffinity(0, sizeof cores, &cores);
            }
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        ::pthread_sigmask(SIG_SETMASK, &mask, nullptr);
        if (pid < 0) {
            startFailure =
                "Cannot start rank " + std::to_string(rank) + ": " + std::strerror(errno) + ".";
            break;
        }
        ranks.push_back(Rank{rank, pid, true});
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
            outcome.message = "rank " + std::to_string(ended->rank) + " " + describeStatus(status);
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
