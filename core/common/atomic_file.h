#pragma once

#include <filesystem>
#include <string_view>

#include "core/common/result.h"

namespace tstudio {

/**
 * Writes bytes to path atomically: into a temporary file beside it, flushed, then renamed over
 * the target, so a reader sees either the old file or the whole new one, never a part.
 * Any thread. Fails with a message naming the path and the reason (disk full, no permission).
 */
Status writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

} // namespace tstudio
