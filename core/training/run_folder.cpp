#include "core/training/run_folder.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "core/training/trainer.h"

namespace tstudio::training {

namespace fs = std::filesystem;

namespace {

// QSaveFile (writeFileAtomically) writes "<name>.XXXXXX" beside the target and renames it; a
// crash in between leaves that temporary behind.
constexpr std::size_t kTemporarySuffixLength = 6;

bool isTemporaryOf(const std::string& name, const std::string& target) {
    if (name.size() != target.size() + 1 + kTemporarySuffixLength ||
        name.compare(0, target.size(), target) != 0 || name[target.size()] != '.') {
        return false;
    }
    return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(target.size()) + 1, name.end(),
                       [](unsigned char c) { return std::isalnum(c) != 0; });
}

bool isRunFile(const std::string& name) {
    for (const std::string& known : runFolderFileNames()) {
        if (name == known || isTemporaryOf(name, known)) {
            return true;
        }
    }
    return false;
}

std::string notDeleted(const fs::path& folder) {
    std::string text = "The folder ";
    text += folder.string();
    text += " is not deleted: ";
    return text;
}

} // namespace

std::vector<std::string> runFolderFileNames() {
    const fs::path here;
    return {bundleFile(here).filename().string(), checkpointFile(here).filename().string(),
            "run.log", "split.json"};
}

Status checkRunFolder(const fs::path& folder) {
    std::error_code code;
    fs::directory_iterator entries(folder, code);
    if (code) {
        std::string message = notDeleted(folder);
        message += "it cannot be read (";
        message += code.message();
        message += ").";
        return fail(std::move(message));
    }
    bool holdsRunOutput = false;
    for (const fs::directory_entry& entry : entries) {
        const std::string name = entry.path().filename().string();
        // symlink_status: a link is never followed, neither to decide nor to delete.
        const bool plainFile = entry.symlink_status(code).type() == fs::file_type::regular;
        if (!plainFile || !isRunFile(name)) {
            std::string message = notDeleted(folder);
            message += "it holds \"";
            message += name;
            message += "\", which a training run does not write there. Move what you want to keep "
                       "elsewhere, or delete the folder yourself.";
            return fail(std::move(message));
        }
        holdsRunOutput = holdsRunOutput || name == "run.log" ||
                         name == bundleFile(fs::path()).filename().string() ||
                         name == checkpointFile(fs::path()).filename().string();
    }
    if (!holdsRunOutput) {
        std::string message = notDeleted(folder);
        message += "it holds no model bundle, checkpoint or run log, so it is not a run folder.";
        return fail(std::move(message));
    }
    return success();
}

Result<RunFolderRemoval> removeRunFolder(const fs::path& folder) {
    std::error_code code;
    const fs::file_status status = fs::symlink_status(folder, code);
    if (status.type() == fs::file_type::not_found) {
        return RunFolderRemoval::AlreadyGone;
    }
    if (status.type() != fs::file_type::directory) {
        std::string message = notDeleted(folder);
        message += "it is not a folder.";
        return fail(std::move(message));
    }
    if (auto check = checkRunFolder(folder); !check) {
        return check.error();
    }
    // One file at a time, so a refusal names the file; checkRunFolder() saw plain files only.
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, code)) {
        files.push_back(entry.path());
    }
    for (const fs::path& file : files) {
        if (!fs::remove(file, code) && code) {
            std::string message = "Cannot delete ";
            message += file.string();
            message += ": ";
            message += code.message();
            message += ". The run folder is kept.";
            return fail(std::move(message));
        }
    }
    if (!fs::remove(folder, code) && code) {
        std::string message = "Cannot delete the folder ";
        message += folder.string();
        message += ": ";
        message += code.message();
        message += ".";
        return fail(std::move(message));
    }
    return RunFolderRemoval::Removed;
}

} // namespace tstudio::training
