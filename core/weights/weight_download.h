#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/models/registry.h"

namespace tstudio::weights {

/** How fetchOfficialWeights downloads; every field has a working default. */
struct DownloadOptions {
    /// Replaces info.weights.url (tests use file:// or http://127.0.0.1; mirrors work too).
    std::string url;
    /// Replaces hubCheckpointDir() as the folder the file is kept in.
    std::filesystem::path directory;
    /// Called as bytes arrive (total is -1 while unknown); returning false cancels.
    std::function<bool(std::int64_t received, std::int64_t total)> progress;
    /// Set from any thread to cancel; checked every few milliseconds.
    const std::atomic_bool* cancel = nullptr;
    /// Give up when no byte arrives for this long.
    int inactivityTimeoutMs = 30000;
};

/**
 * Makes the backbone's official weight file available in the hub cache and returns its path.
 * A file of that name already there is reused if its SHA-256 matches (no network access);
 * otherwise the file is downloaded into a temporary file beside the target, hashed while it
 * streams, and renamed into place only when the checksum matches (info.weights.sha256: the full
 * digest, or the prefix torchvision puts in file names). Nothing is left behind on failure.
 *
 * Blocking: runs its own event loop in the calling thread, so call it from a worker thread of a
 * process that has a QCoreApplication, never from the GUI thread. Fails with a message that says
 * what to do (offline: where to put the file by hand); a cancelled download fails with a message
 * containing "cancelled".
 */
Result<std::filesystem::path> fetchOfficialWeights(const models::BackboneInfo& info,
                                                   const DownloadOptions& options = {});

/** Lower-case hex SHA-256 of a file, read in chunks. Any thread. */
Result<std::string> sha256OfFile(const std::filesystem::path& path);

/**
 * True if hexDigest matches expected, which is either the full digest or a prefix of at least
 * 8 hex digits (torchvision's check_hash compares the file-name prefix the same way).
 */
bool sha256Matches(std::string_view hexDigest, std::string_view expected);

} // namespace tstudio::weights
