#pragma once

// Public, torch-free: recognising and deleting the folder a training run wrote. The run history
// deletes runs through it, so nothing but what train() itself wrote is ever removed.

#include <filesystem>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::training {

/**
 * The files train() writes into a run's output folder (bundle, checkpoint, run log, split), so
 * that a caller can tell a run folder from any other. Any thread.
 */
std::vector<std::string> runFolderFileNames();

/**
 * Succeeds when folder holds nothing but files train() writes there (see runFolderFileNames(),
 * and the temporaries an interrupted atomic write leaves beside them: "model.tsmodel.Ab12Cd")
 * and at least its bundle, checkpoint or run log: a folder of ours, safe to delete whole. Fails
 * naming what else it holds (another file, a subfolder, a link) or that it is no run folder at
 * all. Reads the disk; any thread.
 */
Status checkRunFolder(const std::filesystem::path& folder);

/** What removeRunFolder() did. */
enum class RunFolderRemoval {
    Removed,     ///< the folder and its files are gone
    AlreadyGone, ///< there was no such folder (deleted by hand, or on a disk not attached)
};

/**
 * Deletes folder with its files after checkRunFolder() accepted it; refuses (nothing deleted)
 * when it did not. A folder that does not exist is no error: the caller just forgets the run.
 * Fails, naming the file, when the disk refuses a deletion (no permission, a file in use).
 * Any thread.
 */
Result<RunFolderRemoval> removeRunFolder(const std::filesystem::path& folder);

} // namespace tstudio::training
