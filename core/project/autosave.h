#pragma once

// Public, torch-free: autosaves of open projects, and finding the ones a crash left behind.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/project/project.h"

class QLockFile;

namespace tstudio::project {

/** <AppLocalDataLocation>/autosave: on Linux ~/.local/share/TransferStudio/Transfer
 * Studio/autosave. */
std::filesystem::path defaultAutosaveDir();

/**
 * The autosave of one open project: a copy of the project written atomically (the window does
 * so a few seconds after each edit), with a lock file held for as long as this object lives.
 * A clean close or a save discards it. A crash or `kill -9` leaves both files, and the lock's
 * owner is then gone, so the next start finds the copy with findRecoverable(): at most the last
 * few seconds of edits are lost. Two windows or processes never take each other's autosave.
 * One thread at a time.
 */
class AutosaveSlot {
public:
    explicit AutosaveSlot(std::filesystem::path dir = defaultAutosaveDir());
    ~AutosaveSlot(); ///< discards: a clean end leaves nothing to recover
    AutosaveSlot(const AutosaveSlot&) = delete;
    AutosaveSlot& operator=(const AutosaveSlot&) = delete;

    /** Writes project (saved at projectFile; empty for an untitled project) as this autosave. */
    Status write(const Project& project, const std::filesystem::path& projectFile);
    /** Removes the autosave (after a save, or when the user discards the edits). */
    void discard();
    /** The autosave file; empty before the first write. */
    const std::filesystem::path& file() const { return m_file; }
    /** The folder autosaves are written to. */
    const std::filesystem::path& directory() const { return m_dir; }

private:
    std::filesystem::path m_dir;
    std::filesystem::path m_file;
    std::unique_ptr<QLockFile> m_lock;
};

/** An autosave left behind by a process that ended without closing its project. */
struct Recoverable {
    std::filesystem::path autosave;
    std::filesystem::path original; ///< the project file it belongs to; empty: untitled
    std::string savedAt;            ///< UTC, ISO 8601
};

/** The autosaves in dir whose owner is gone, newest first. Autosaves of live sessions are left
    alone. */
std::vector<Recoverable> findRecoverable(const std::filesystem::path& dir = defaultAutosaveDir());

/** The project a recoverable autosave holds. */
Result<Project> recoverProject(const Recoverable& recoverable);

/** Deletes a recoverable autosave (recovered and saved, or declined). */
void discardRecoverable(const Recoverable& recoverable);

} // namespace tstudio::project
