#include "core/data/split.h"

#include <algorithm>
#include <cctype>

namespace tstudio::data {

std::string splitName(Split split) {
    switch (split) {
    case Split::Train:
        return "train";
    case Split::Val:
        return "val";
    case Split::Test:
        return "test";
    case Split::None:
        break;
    }
    return "none";
}

std::optional<Split> parseSplit(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "train" || lower == "training") {
        return Split::Train;
    }
    if (lower == "val" || lower == "valid" || lower == "validation") {
        return Split::Val;
    }
    if (lower == "test" || lower == "testing") {
        return Split::Test;
    }
    if (lower == "none") {
        return Split::None;
    }
    return std::nullopt;
}

} // namespace tstudio::data
