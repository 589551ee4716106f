#pragma once

// Private to core/training: the small text helpers the CLI-style spec strings (--head, --freeze,
// --lr-mult) share.

#include <string>
#include <string_view>
#include <vector>

namespace tstudio::training {

/** text cut at every separator; n separators give n + 1 parts, empty ones included. */
std::vector<std::string_view> splitOn(std::string_view text, char separator);

/** text without leading and trailing spaces and tabs. */
std::string_view trim(std::string_view text);

/** text between double quotes, for messages that name what was typed. Built by appending:
    GCC 12 at -O3 mistakes "\"" + std::string(part) for an overflowing copy. */
std::string quoted(std::string_view text);

/** value with up to digits significant digits, as a person writes it ("0.1", not "0.100000"):
    specs use 6, the run log 4. */
std::string formatNumber(double value, int digits);

} // namespace tstudio::training
