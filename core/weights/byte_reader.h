#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tstudio::weights::formats {

/** Little-endian unsigned integer of N bytes at p (no alignment needed). */
template <typename T> T readLittle(const char* p) {
    T value = 0;
    for (std::size_t i = sizeof(T); i-- > 0;) {
        value = static_cast<T>((value << 8) | static_cast<unsigned char>(p[i]));
    }
    return value;
}

/** Appends value as sizeof(T) little-endian bytes. */
template <typename T> void appendLittle(std::string& out, T value) {
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        out.push_back(static_cast<char>(static_cast<std::uint64_t>(value) >> (8 * i) & 0xFFU));
    }
}

} // namespace tstudio::weights::formats
