#pragma once

#include <string>

namespace tstudio::cli {

/**
 * text as a JSON string literal, quotes included. Bytes that are not valid UTF-8 (a file name in
 * another encoding) become U+FFFD: JSON can only carry Unicode.
 */
std::string jsonString(const std::string& text);

} // namespace tstudio::cli
