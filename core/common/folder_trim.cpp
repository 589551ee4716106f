#include "core/common/folder_trim.h"

#include <algorithm>
#include <system_error>
#include <vector>

namespace tstudio {

namespace {

struct CachedFile {
    std::filesystem::path path;
    std::filesystem::file_time_type used;
    std::uint64_t bytes = 0;
};

} // namespace

FolderTrim trimFolder(const std::filesystem::path& folder, std::uint64_t maxBytes,
                      std::uint64_t targetBytes) {
    FolderTrim trim;
    std::vector<CachedFile> files;
    std::error_code error;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
         it.increment(error)) {
        std::error_code statError;
        if (!it->is_regular_file(statError)) {
            continue;
        }
        CachedFile file{it->path(), it->last_write_time(statError), it->file_size(statError)};
        if (statError) {
            continue; // gone meanwhile
        }
        trim.bytesBefore += file.bytes;
        files.push_back(std::move(file));
    }
    trim.bytesAfter = trim.bytesBefore;
    if (trim.bytesBefore <= maxBytes) {
        return trim;
    }
    std::sort(files.begin(), files.end(),
              [](const CachedFile& a, const CachedFile& b) { return a.used < b.used; });
    for (const CachedFile& file : files) {
        if (trim.bytesAfter <= targetBytes) {
            break;
        }
        std::error_code removeError;
        if (std::filesystem::remove(file.path, removeError)) {
            trim.bytesAfter -= file.bytes;
            ++trim.removed;
        }
    }
    return trim;
}

} // namespace tstudio
