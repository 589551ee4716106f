#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace tstudio::data {

/** SHA-256 of bytes as 64 lowercase hex digits: duplicate detection and cache keys. */
std::string contentHash(std::span<const std::uint8_t> bytes);

} // namespace tstudio::data
