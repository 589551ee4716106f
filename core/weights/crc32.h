#pragma once

#include <cstdint>
#include <string_view>

namespace tstudio::weights::formats {

/** The zip (IEEE 802.3) CRC-32 of bytes, continuing from crc (0 to start). */
std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);

} // namespace tstudio::weights::formats
