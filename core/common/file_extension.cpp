#include "core/common/file_extension.h"

#include <algorithm>
#include <cctype>

namespace tstudio {

std::string lowercaseExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    // Byte by byte, unsigned: std::tolower of a negative char (UTF-8 in a name) is undefined.
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

} // namespace tstudio
