#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace tstudio::data {

/**
 * XXH3-128 of bytes as 32 lowercase hex digits: duplicate detection and the disk cache's keys.
 * Not a cryptographic hash, on purpose: both only tell apart the user's own files, where an
 * accidental 128-bit collision will not happen, and XXH3 reads ~20 GB/s against BLAKE2b's
 * 0.6 GB/s, which was a tenth of a cold epoch's time.
 */
std::string contentHash(std::span<const std::uint8_t> bytes);

} // namespace tstudio::data
