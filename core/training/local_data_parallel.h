#pragma once

// Public, torch-free: a data-parallel run on this machine in which the calling process is rank 0
// (the window's way: its observer sees the whole run as rank 0 reports it) and helper processes
// are the other ranks.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/training/trainer.h"

namespace tstudio::training {

/** The argument that makes a program run one helper rank: `program --data-parallel-rank DIR`. */
inline constexpr std::string_view kHelperRankArgument = "--data-parallel-rank";

struct LocalProcesses {
    int processes = 2; ///< ranks on this machine, the calling process included
    /** An executable whose main() hands `kHelperRankArgument DIR` to runHelperRank (the
        window's and the test programs' do). */
    std::filesystem::path program;
    /** How long the ranks wait for each other at the start and in every step. */
    std::chrono::milliseconds timeout = std::chrono::minutes(2);
};

/**
 * trainDataParallel() with the calling process as rank 0 and processes - 1 helpers started from
 * program on this machine, the cores split between them (rank 0's threads set to its share for
 * the run). The helpers get config and dataset through a temporary folder, log into it, and are
 * stopped when the run ends or fails; a helper's failure is named in the message with the last
 * line it wrote. observer sees rank 0's reports, control stops every rank after the same step
 * (pausing is not supported). With processes < 2 this is train(). Blocking; any thread.
 */
Result<TrainingSummary> trainOnLocalProcesses(const TrainingConfig& config,
                                              const data::Dataset& dataset,
                                              TrainingObserver& observer, TrainingControl& control,
                                              const LocalProcesses& processes, bool resume = false);

/** The job folder when arguments (argv[1..]) ask for a helper rank, else nullopt. */
std::optional<std::filesystem::path> helperRankJob(int argc, char** argv);

/**
 * One helper rank of trainOnLocalProcesses, for main(): reads the job folder, joins the group
 * the environment names (WORLD_SIZE, RANK, ... as the starter set them) and trains. Writes its
 * log and any failure on stderr. Returns the process's exit status (0: the run ended well).
 */
int runHelperRank(const std::filesystem::path& jobFolder);

} // namespace tstudio::training
