#include "core/training/spec_text.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <type_traits>

#include <QString>

namespace tstudio::training {

namespace {

template <typename Number> std::optional<Number> parseFloating(std::string_view text) {
    // std::from_chars for floating point is missing from older libstdc++; strto* on a copy.
    const std::string copy(text);
    if (copy.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    Number value{};
    if constexpr (std::is_same_v<Number, float>) {
        value = std::strtof(copy.c_str(), &end);
    } else {
        value = std::strtod(copy.c_str(), &end);
    }
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<int> parseInt(std::string_view text) {
    int value = 0;
    const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (code != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<float> parseFloat(std::string_view text) {
    return parseFloating<float>(text);
}

std::optional<double> parseDouble(std::string_view text) {
    return parseFloating<double>(text);
}

std::string formatNumber(double value) {
    return QString::number(value, 'g', 6).toStdString();
}

} // namespace tstudio::training
