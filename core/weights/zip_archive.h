#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/weights/weight_records.h"

namespace tstudio::weights::formats {

/** One stored (uncompressed) member of a zip archive. */
struct ZipEntry {
    std::string name;
    ByteSpan data; ///< the member's bytes within the archive buffer
    std::uint32_t crc = 0;
};

/**
 * The members of a zip archive as torch.save writes it: read from the central directory
 * (zip64 included), every member stored uncompressed. Compressed or encrypted members, and
 * members whose headers or data lie outside the buffer, are errors. When verifyChecksums is set,
 * each member's CRC-32 is checked (a bit flip in tensor data is then caught); fuzzers turn it off
 * to reach the parsers behind it.
 */
Result<std::vector<ZipEntry>> readZipDirectory(std::string_view archive, bool verifyChecksums);

/** Builds a zip archive of stored members, each member's data aligned to 64 bytes. */
Result<std::string>
writeZipArchive(const std::vector<std::pair<std::string, std::string_view>>& members);

} // namespace tstudio::weights::formats
