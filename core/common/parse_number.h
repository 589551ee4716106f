#pragma once

// Public, header-only: the one way core and the CLI read a number a person typed (an option, a
// spec string such as --head, a field of a file), so every place accepts the same text.

#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace tstudio {

/**
 * text as a T (an integer or floating-point type) when the whole text is one number of that
 * type: no spaces around it, no '+', no hexadecimal, in range, and, for floating point, finite.
 * The decimal point is always '.', whatever the process locale (std::from_chars ignores it,
 * where strtod and std::stod would read "0,5" in a German locale and stop at "0.5"'s point).
 * "0.5", "1e-3", "-2" parse; "", " 1", "1x", "0,5", "inf", "nan", "1e999" do not. Any thread.
 */
template <typename T> std::optional<T> parseNumber(std::string_view text) {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);
    T value{};
    const char* const last = text.data() + text.size();
    const auto [end, code] = std::from_chars(text.data(), last, value);
    if (code != std::errc() || end != last) {
        return std::nullopt;
    }
    if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(value)) {
            return std::nullopt;
        }
    }
    return value;
}

} // namespace tstudio
