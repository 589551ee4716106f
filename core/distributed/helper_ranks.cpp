#include "core/distributed/helper_ranks.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fstream>
#include <thread>

#include <sys/wait.h>

#include "core/distributed/rank_process.h"

namespace tstudio::distributed {

Result<std::unique_ptr<HelperRanks>> HelperRanks::start(const Options& options) {
    if (options.processes < 2) {
        return fail("A run on " + std::to_string(options.processes) +
                    " process has no other ranks to start.");
    }
    std::unique_ptr<HelperRanks> helpers(new HelperRanks(options));
    if (options.splitCores) {
        helpers->m_mainRankCores = static_cast<int>(coreShare(0, options.processes).size());
    }
    for (int rank = 1; rank < options.processes; ++rank) {
        RankProcessStart start;
        start.arguments.push_back(options.program);
        start.arguments.insert(start.arguments.end(), options.arguments.begin(),
                               options.arguments.end());
        start.environment = rankEnvironment(options.processes, rank, rank, options.processes,
                                            options.masterAddr, options.masterPort);
        if (options.splitCores) {
            start.cores = coreShare(rank, options.processes);
        }
        start.outputFile = helpers->logOf(rank);
        start.ownProcessGroup = true;
        start.endWithStarter = true;
        auto pid = startRankProcess(start);
        if (!pid) {
            helpers->stop();
            return fail("Cannot start rank " + std::to_string(rank) + ": " + pid.message());
        }
        helpers->m_helpers.push_back(Helper{rank, *pid, true});
    }
    return helpers;
}

HelperRanks::~HelperRanks() {
    stop();
}

std::filesystem::path HelperRanks::logOf(int rank) const {
    if (m_options.logFolder.empty()) {
        return {};
    }
    return m_options.logFolder / ("rank-" + std::to_string(rank) + ".log");
}

bool HelperRanks::anyRunning() const {
    for (const Helper& h : m_helpers) {
        if (h.running) {
            return true;
        }
    }
    return false;
}

void HelperRanks::reap(std::chrono::milliseconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (true) {
        bool ended = false;
        for (Helper& h : m_helpers) {
            if (!h.running) {
                continue;
            }
            // Only our own pids: a window has other children (QProcess) that are not ours.
            int status = 0;
            const pid_t pid = ::waitpid(h.pid, &status, WNOHANG);
            if (pid == 0 || (pid < 0 && errno == EINTR)) {
                continue;
            }
            h.running = false;
            ended = true;
            const bool failed = pid < 0 || !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
            if (failed && m_failure.empty()) {
                m_failure = "rank " + std::to_string(h.rank) + " " +
                            (pid < 0 ? std::string("was lost") : describeExitStatus(status));
                const std::string said = lastLineOf(logOf(h.rank));
                m_failure += said.empty() ? "." : ": " + said;
            }
        }
        if (ended || !anyRunning() || std::chrono::steady_clock::now() >= deadline) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::string HelperRanks::failure() {
    reap(std::chrono::milliseconds(0));
    return m_failure;
}

std::string HelperRanks::finish(std::chrono::milliseconds within, bool lateIsFailure) {
    const auto deadline = std::chrono::steady_clock::now() + within;
    do {
        reap(std::chrono::duration_cast<std::chrono::milliseconds>(
            std::max(deadline - std::chrono::steady_clock::now(),
                     std::chrono::steady_clock::duration::zero())));
    } while (anyRunning() && std::chrono::steady_clock::now() < deadline);
    if (anyRunning()) {
        stop();
        if (m_failure.empty() && lateIsFailure) {
            m_failure = "the other ranks did not end within " +
                        std::to_string((within.count() + 999) / 1000) +
                        " s of rank 0 and were stopped.";
        }
    }
    return m_failure;
}

void HelperRanks::stop() {
    if (!anyRunning()) {
        return;
    }
    // Remember a failure that happened before the stop; the stop's own signals are no failure.
    reap(std::chrono::milliseconds(0));
    for (const Helper& h : m_helpers) {
        if (h.running) {
            ::kill(h.pid, SIGTERM);
        }
    }
    const auto deadline = std::chrono::steady_clock::now() + m_options.grace;
    bool killed = false;
    while (anyRunning()) {
        if (!killed && std::chrono::steady_clock::now() >= deadline) {
            for (const Helper& h : m_helpers) {
                if (h.running) {
                    ::kill(h.pid, SIGKILL);
                }
            }
            killed = true;
        }
        for (Helper& h : m_helpers) {
            int status = 0;
            if (h.running && ::waitpid(h.pid, &status, WNOHANG) != 0) {
                h.running = false;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::string lastLineOf(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (file.empty() || !in) {
        return {};
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size <= 0) {
        return {};
    }
    const std::streamoff from = size > 4096 ? size - 4096 : 0;
    in.seekg(from);
    std::string tail(static_cast<std::size_t>(size - from), '\0');
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r' || tail.back() == ' ')) {
        tail.pop_back();
    }
    const std::size_t newline = tail.find_last_of('\n');
    std::string line = newline == std::string::npos ? tail : tail.substr(newline + 1);
    // The CLI's live progress line redraws with \r; keep what it last drew.
    const std::size_t carriage = line.find_last_of('\r');
    return carriage == std::string::npos ? line : line.substr(carriage + 1);
}

} // namespace tstudio::distributed
