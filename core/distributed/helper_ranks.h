#pragma once

// Public, torch-free: the other ranks of a run on this machine whose rank 0 is the calling
// process, as the window trains: it takes part itself (its observer sees rank 0's progress) and
// starts ranks 1 .. N-1. The CLI's launcher (local_launcher.h) takes no part in its run instead.

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::distributed {

class HelperRanks {
public:
    struct Options {
        std::string program;                ///< the executable every helper runs
        std::vector<std::string> arguments; ///< its arguments (argv[1..])
        int processes = 2;                  ///< ranks on this machine, the caller's included
        std::string masterAddr = "127.0.0.1";
        int masterPort = 29500;
        /** Each helper's output goes to rank-R.log here, so a failure can be told. */
        std::filesystem::path logFolder;
        /** Rank r runs on share r of this process's cores (rank 0's share is the caller's to
            use: see threadsOfMainRank()). */
        bool splitCores = true;
        /** After stop(): how long the helpers get to end on SIGTERM before SIGKILL. */
        std::chrono::milliseconds grace = std::chrono::seconds(5);
    };

    /**
     * Starts ranks 1 .. processes-1 with torchrun's environment, each in its own process group
     * (Ctrl+C in a terminal reaches only the caller) and ended when the starting thread ends.
     * Fails when one cannot be started (those started are then stopped). Any thread; the one
     * that calls it should also call finish(), and outlive the helpers.
     */
    static Result<std::unique_ptr<HelperRanks>> start(const Options& options);

    /** Stops the helpers still running (stop()). */
    ~HelperRanks();
    HelperRanks(const HelperRanks&) = delete;
    HelperRanks& operator=(const HelperRanks&) = delete;

    /** The number of cores rank 0 gets when the cores are split, else 0 (leave them as they are).
     */
    int threadsOfMainRank() const { return m_mainRankCores; }

    /**
     * Does not block. Empty while every helper runs or ended well; else the first failure seen:
     * "rank 1 exited with status 3: <the last line it wrote>".
     */
    std::string failure();

    /**
     * Waits up to within for every helper to end, then stops those still running. Returns the
     * first failure (as failure()), or, when one had to be stopped and lateIsFailure, that it
     * did not end in time (after rank 0 failed, the others are expected to need stopping).
     */
    std::string finish(std::chrono::milliseconds within, bool lateIsFailure = true);

    /** SIGTERM to every helper still running, SIGKILL after options.grace; waits for them. */
    void stop();

private:
    struct Helper {
        int rank = 0;
        int pid = -1;
        bool running = false;
    };
    explicit HelperRanks(Options options) : m_options(std::move(options)) {}
    /** Reaps the helpers that ended (blocking up to wait for the first); notes a failure. */
    void reap(std::chrono::milliseconds wait);
    bool anyRunning() const;
    std::filesystem::path logOf(int rank) const;

    Options m_options;
    std::vector<Helper> m_helpers;
    int m_mainRankCores = 0;
    std::string m_failure;
};

/** The last non-empty line of a text file (at most its last 4 KiB), or empty. */
std::string lastLineOf(const std::filesystem::path& file);

} // namespace tstudio::distributed
