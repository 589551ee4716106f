#pragma once

#include <filesystem>
#include <string>

namespace tstudio {

/**
 * path's extension with its dot, in ASCII lower case, for comparing with ".jpg", ".csv",
 * ".tsproj" whatever case a camera or another system wrote ("IMG_1.JPG" gives ".jpg"); empty when
 * the name has none (".bashrc" has none, as std::filesystem says). Any thread.
 */
std::string lowercaseExtension(const std::filesystem::path& path);

} // namespace tstudio
