#pragma once

#include <cstdint>
#include <filesystem>

namespace tstudio {

struct FolderTrim {
    std::uint64_t bytesBefore = 0; ///< the folder's files, before
    std::uint64_t bytesAfter = 0;
    std::size_t removed = 0; ///< files deleted
};

/**
 * Bounds a cache folder: when its files (not subfolders) hold more than maxBytes, deletes the
 * least recently used (oldest modification time first: a cache marks a use by touching the
 * file, as access times are not kept on most mounts) until at most targetBytes remain
 * (targetBytes <= maxBytes; below it, so the next files do not start a trim each). Files that
 * vanish or cannot be deleted meanwhile (another program sharing the cache) are skipped. A
 * missing folder is empty. Any thread; never throws.
 */
FolderTrim trimFolder(const std::filesystem::path& folder, std::uint64_t maxBytes,
                      std::uint64_t targetBytes);

} // namespace tstudio
