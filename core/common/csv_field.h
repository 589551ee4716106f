#pragma once

// The one CSV quoting of every file we write (feature tables, predictions, evaluation reports,
// exported datasets), so a path with a comma reads back the same in all of them.

#include <string>
#include <string_view>

namespace tstudio {

/** RFC 4180: text as it is, or quoted when it holds a comma, a quote or a line break, with
    quotes doubled. */
std::string csvField(std::string_view text);

} // namespace tstudio
