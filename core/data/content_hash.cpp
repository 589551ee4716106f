#include "core/data/content_hash.h"

#include <array>

#include <xxhash.h>

namespace tstudio::data {

std::string contentHash(std::span<const std::uint8_t> bytes) {
    const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
    XXH128_canonical_t canonical; // big-endian bytes: the same name on every machine
    XXH128_canonicalFromHash(&canonical, hash);
    static constexpr std::array<char, 16> kDigits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                     '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string hex;
    hex.reserve(2 * sizeof canonical.digest);
    for (const unsigned char byte : canonical.digest) {
        hex += kDigits[byte >> 4];
        hex += kDigits[byte & 0xf];
    }
    return hex;
}

} // namespace tstudio::data
