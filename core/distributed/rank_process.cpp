#include "core/distributed/rank_process.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace tstudio::distributed {

std::vector<std::string> rankEnvironment(int worldSize, int rank, int localRank, int localWorldSize,
                                         const std::string& masterAddr, int masterPort) {
    std::vector<std::string> environment;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        if (name != "WORLD_SIZE" && name != "RANK" && name != "LOCAL_RANK" &&
            name != "LOCAL_WORLD_SIZE" && name != "MASTER_ADDR" && name != "MASTER_PORT") {
            environment.push_back(entry);
        }
    }
    environment.push_back("WORLD_SIZE=" + std::to_string(worldSize));
    environment.push_back("RANK=" + std::to_string(rank));
    environment.push_back("LOCAL_RANK=" + std::to_string(localRank));
    environment.push_back("LOCAL_WORLD_SIZE=" + std::to_string(localWorldSize));
    environment.push_back("MASTER_ADDR=" + masterAddr);
    environment.push_back("MASTER_PORT=" + std::to_string(masterPort));
    return environment;
}

std::vector<int> coreShare(int share, int shares) {
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (shares < 1 || sched_getaffinity(0, sizeof allowed, &allowed) != 0) {
        return {};
    }
    std::vector<int> cores;
    for (int c = 0; c < CPU_SETSIZE; ++c) {
        if (CPU_ISSET(c, &allowed)) {
            cores.push_back(c);
        }
    }
    if (static_cast<int>(cores.size()) < shares) {
        return {};
    }
    const std::size_t each = cores.size() / static_cast<std::size_t>(shares);
    const auto first = cores.begin() + static_cast<std::ptrdiff_t>(each * share);
    return std::vector<int>(first, first + static_cast<std::ptrdiff_t>(each));
}

Result<int> startRankProcess(const RankProcessStart& start) {
    if (start.arguments.empty()) {
        return fail("No program to start.");
    }
    // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
    std::vector<std::string> arguments = start.arguments;
    std::vector<char*> argv;
    for (std::string& a : arguments) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::vector<std::string> environment = start.environment;
    std::vector<char*> envp;
    for (std::string& e : environment) {
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    cpu_set_t cores;
    CPU_ZERO(&cores);
    for (const int c : start.cores) {
        CPU_SET(c, &cores);
    }
    const std::string output = start.outputFile.string();
    const pid_t parent = ::getpid();

    // Signals stay blocked from fork to exec: a SIGTERM for a rank that has not reached exec
    // yet must end it by default, not run a handler this process installed.
    sigset_t all, mask;
    sigfillset(&all);
    ::pthread_sigmask(SIG_SETMASK, &all, &mask);
    const pid_t pid = ::fork();
    if (pid == 0) {
        struct sigaction byDefault {};
        byDefault.sa_handler = SIG_DFL;
        for (const int signal : {SIGINT, SIGTERM, SIGPIPE}) {
            ::sigaction(signal, &byDefault, nullptr);
        }
        if (start.ownProcessGroup) {
            ::setpgid(0, 0);
        }
        if (start.endWithStarter) {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent) {
                ::_exit(127); // the starter ended before the request took effect
            }
        }
        if (!output.empty()) {
            const int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd >= 0) {
                ::dup2(fd, STDOUT_FILENO);
                ::dup2(fd, STDERR_FILENO);
            }
        }
        if (!start.cores.empty()) {
            ::sched_setaffinity(0, sizeof cores, &cores);
        }
        ::pthread_sigmask(SIG_SETMASK, &mask, nullptr);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    const int forkError = errno;
    ::pthread_sigmask(SIG_SETMASK, &mask, nullptr);
    if (pid < 0) {
        // The caller names what it was starting ("Cannot start rank 1: fork failed: ...").
        return fail(std::string("fork failed: ") + std::strerror(forkError) + ".");
    }
    return static_cast<int>(pid);
}

std::string describeExitStatus(int status) {
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

} // namespace tstudio::distributed
