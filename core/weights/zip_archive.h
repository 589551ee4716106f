#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/weights/weight_records.h"

namespace tstudio::weights::formats {

/** One member of a zip archive. */
struct ZipEntry {
    std::string name;
    ByteSpan data; ///< the member's bytes (compressed, unless method is 0) within the archive
    std::uint16_t method = 0; ///< 0: stored, which is all torch.save writes
    std::uint32_t crc = 0;
};

/**
 * The members of a zip archive, read from the central directory (zip64 included). Members whose
 * headers or data lie outside the buffer, and encrypted members, are errors; compressed members
 * are listed (TorchScript archives deflate their code) for the caller to refuse if it needs
 * them. When verifyChecksums is set, each stored member's CRC-32 is checked (a bit flip in
 * tensor data is then caught); fuzzers turn it off to reach the parsers behind it.
 */
Result<std::vector<ZipEntry>> readZipDirectory(std::string_view archive, bool verifyChecksums);

/** Builds a zip archive of stored members, each member's data aligned to 64 bytes. */
Result<std::string>
writeZipArchive(const std::vector<std::pair<std::string, std::string_view>>& members);

} // namespace tstudio::weights::formats
