#include "core/weights/zip_archive.h"

#include <algorithm>
#include <limits>

#include <zlib.h>

#include "core/weights/byte_reader.h"

namespace tstudio::weights::formats {

namespace {

constexpr std::uint32_t kLocalHeaderSig = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSig = 0x02014b50;
constexpr std::uint32_t kEndSig = 0x06054b50;
constexpr std::uint32_t kZip64EndSig = 0x06064b50;
constexpr std::uint32_t kZip64LocatorSig = 0x07064b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kZip64LocatorSize = 20;
constexpr std::size_t kZip64EndSize = 56;
constexpr std::size_t kAlignment = 64; // torch's kFieldAlignment: lets readers mmap tensors

/** The zip (IEEE 802.3) CRC-32 of bytes; crc32_z takes a size_t, so members over 4 GiB work. */
std::uint32_t zipCrc32(std::string_view bytes) {
    return static_cast<std::uint32_t>(
        crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

bool fits(std::string_view buffer, std::uint64_t offset, std::uint64_t size) {
    return offset <= buffer.size() && size <= buffer.size() - offset;
}

struct Directory {
    std::uint64_t entries = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
};

Result<Directory> findDirectory(std::string_view zip) {
    if (zip.size() < kEndSize) {
        return fail("the file is too short to be a zip archive");
    }
    // The end record sits at the very end unless an archive comment follows it (<= 65535 bytes).
    const std::size_t lowest = zip.size() > kEndSize + 0xFFFF ? zip.size() - kEndSize - 0xFFFF : 0;
    std::size_t end = zip.size() - kEndSize;
    while (readLittle<std::uint32_t>(zip.data() + end) != kEndSig) {
        if (end == lowest) {
            return fail("no zip end-of-directory record: the file is truncated or not a zip");
        }
        --end;
    }
    const char* e = zip.data() + end;
    Directory dir;
    dir.entries = readLittle<std::uint16_t>(e + 10);
    dir.size = readLittle<std::uint32_t>(e + 12);
    dir.offset = readLittle<std::uint32_t>(e + 16);
    const bool zip64 = dir.entries == 0xFFFF || dir.size == 0xFFFFFFFF || dir.offset == 0xFFFFFFFF;
    if (zip64) {
        if (end < kZip64LocatorSize ||
            readLittle<std::uint32_t>(e - kZip64LocatorSize) != kZip64LocatorSig) {
            return fail("the zip64 end-of-directory locator is missing");
        }
        const auto recordOffset = readLittle<std::uint64_t>(e - kZip64LocatorSize + 8);
        if (!fits(zip, recordOffset, kZip64EndSize) ||
            readLittle<std::uint32_t>(zip.data() + recordOffset) != kZip64EndSig) {
            return fail("the zip64 end-of-directory record is damaged");
        }
        const char* r = zip.data() + recordOffset;
        dir.entries = readLittle<std::uint64_t>(r + 32);
        dir.size = readLittle<std::uint64_t>(r + 40);
        dir.offset = readLittle<std::uint64_t>(r + 48);
    }
    if (!fits(zip, dir.offset, dir.size)) {
        return fail("the zip central directory lies outside the file (truncated?)");
    }
    if (dir.entries > dir.size / kCentralHeaderSize) {
        return fail("the zip central directory claims more members than it has room for");
    }
    return dir;
}

// Zip64 extended information (extra field 0x0001) replaces the 32-bit fields that read 0xFFFFFFFF,
// in this order: uncompressed size, compressed size, local header offset.
Status applyZip64Extra(std::string_view extra, std::uint64_t& usize, std::uint64_t& csize,
                       std::uint64_t& local) {
    std::size_t pos = 0;
    while (pos + 4 <= extra.size()) {
        const auto id = readLittle<std::uint16_t>(extra.data() + pos);
        const auto length = readLittle<std::uint16_t>(extra.data() + pos + 2);
        pos += 4;
        if (length > extra.size() - pos) {
            return fail("a zip extra field runs past its header");
        }
        if (id == 0x0001) {
            std::size_t field = pos;
            for (std::uint64_t* value : {&usize, &csize, &local}) {
                if (*value != 0xFFFFFFFF) {
                    continue;
                }
                if (field + 8 > pos + length) {
                    return fail("a zip64 extra field is too short");
                }
                *value = readLittle<std::uint64_t>(extra.data() + field);
                field += 8;
            }
        }
        pos += length;
    }
    return success();
}

} // namespace

Result<std::vector<ZipEntry>> readZipDirectory(std::string_view zip, bool verifyChecksums) {
    auto dir = findDirectory(zip);
    if (!dir) {
        return dir.error();
    }
    std::vector<ZipEntry> entries;
    entries.reserve(static_cast<std::size_t>(dir->entries));
    std::uint64_t pos = dir->offset;
    const std::uint64_t end = dir->offset + dir->size;
    for (std::uint64_t i = 0; i < dir->entries; ++i) {
        if (pos + kCentralHeaderSize > end ||
            readLittle<std::uint32_t>(zip.data() + pos) != kCentralHeaderSig) {
            return fail("zip central directory entry " + std::to_string(i) + " is damaged");
        }
        const char* h = zip.data() + pos;
        const auto flags = readLittle<std::uint16_t>(h + 8);
        const auto method = readLittle<std::uint16_t>(h + 10);
        const auto crc = readLittle<std::uint32_t>(h + 16);
        std::uint64_t csize = readLittle<std::uint32_t>(h + 20);
        std::uint64_t usize = readLittle<std::uint32_t>(h + 24);
        const std::uint64_t nameLength = readLittle<std::uint16_t>(h + 28);
        const std::uint64_t extraLength = readLittle<std::uint16_t>(h + 30);
        const std::uint64_t commentLength = readLittle<std::uint16_t>(h + 32);
        std::uint64_t local = readLittle<std::uint32_t>(h + 42);
        const std::uint64_t variable = nameLength + extraLength + commentLength;
        if (pos + kCentralHeaderSize + variable > end) {
            return fail("zip central directory entry " + std::to_string(i) + " is truncated");
        }
        ZipEntry entry;
        entry.name.assign(h + kCentralHeaderSize, nameLength);
        entry.crc = crc;
        if (auto status =
                applyZip64Extra(std::string_view(h + kCentralHeaderSize + nameLength, extraLength),
                                usize, csize, local);
            !status) {
            return fail("zip member '" + entry.name + "': " + status.message());
        }
        pos += kCentralHeaderSize + variable;

        if (flags & 0x1U) {
            return fail("zip member '" + entry.name + "' is encrypted");
        }
        entry.method = method;
        if (method == 0 && csize != usize) {
            return fail("zip member '" + entry.name + "' is stored but its sizes differ");
        }
        if (!fits(zip, local, kLocalHeaderSize) ||
            readLittle<std::uint32_t>(zip.data() + local) != kLocalHeaderSig) {
            return fail("zip member '" + entry.name + "' has no valid local header");
        }
        const std::uint64_t dataOffset = local + kLocalHeaderSize +
                                         readLittle<std::uint16_t>(zip.data() + local + 26) +
                                         readLittle<std::uint16_t>(zip.data() + local + 28);
        if (!fits(zip, dataOffset, csize)) {
            return fail("zip member '" + entry.name + "' (" + std::to_string(csize) +
                        " bytes) runs past the end of the file: the file is truncated");
        }
        entry.data = {dataOffset, csize};
        if (verifyChecksums && method == 0 &&
            zipCrc32(zip.substr(static_cast<std::size_t>(dataOffset),
                                static_cast<std::size_t>(usize))) != crc) {
            return fail("zip member '" + entry.name +
                        "' fails its CRC-32 check: the file is damaged");
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

Result<std::string>
writeZipArchive(const std::vector<std::pair<std::string, std::string_view>>& members) {
    struct Written {
        std::string_view name;
        std::uint32_t crc;
        std::uint64_t size;
        std::uint64_t local;
    };
    std::vector<Written> written;
    std::string out;
    std::uint64_t total = 0;
    for (const auto& member : members) {
        total += member.second.size() + member.first.size() * 2 + 256;
    }
    if (total >= 0xFFFFFFFFULL || members.size() >= 0xFFFF) {
        return fail("the archive would exceed 4 GiB or 65535 members, which this writer does "
                    "not support; save as .safetensors instead");
    }
    out.reserve(static_cast<std::size_t>(total));
    for (const auto& [name, data] : members) {
        if (name.size() > 0xFFFF) {
            return fail("zip member name too long");
        }
        const std::uint64_t local = out.size();
        const std::uint32_t crc = zipCrc32(data);
        // Pad with an extra field so the data starts on a kAlignment boundary, as torch does.
        const std::size_t headerEnd = out.size() + kLocalHeaderSize + name.size() + 4;
        const std::size_t padding = (kAlignment - headerEnd % kAlignment) % kAlignment;
        appendLittle<std::uint32_t>(out, kLocalHeaderSig);
        appendLittle<std::uint16_t>(out, 20);   // version needed: 2.0
        appendLittle<std::uint16_t>(out, 0);    // flags
        appendLittle<std::uint16_t>(out, 0);    // method: stored
        appendLittle<std::uint16_t>(out, 0);    // time
        appendLittle<std::uint16_t>(out, 0x21); // date: 1980-01-01
        appendLittle<std::uint32_t>(out, crc);
        appendLittle<std::uint32_t>(out, static_cast<std::uint32_t>(data.size()));
        appendLittle<std::uint32_t>(out, static_cast<std::uint32_t>(data.size()));
        appendLittle<std::uint16_t>(out, static_cast<std::uint16_t>(name.size()));
        appendLittle<std::uint16_t>(out, static_cast<std::uint16_t>(4 + padding));
        out += name;
        appendLittle<std::uint16_t>(out, 0x4246); // "FB": torch's padding field id
        appendLittle<std::uint16_t>(out, static_cast<std::uint16_t>(padding));
        out.append(padding, 'Z');
        out += data;
        written.push_back({name, crc, data.size(), local});
    }
    const std::uint64_t directory = out.size();
    for (const Written& w : written) {
        appendLittle<std::uint32_t>(out, kCentralHeaderSig);
        appendLittle<std::uint16_t>(out, 20); // made by
        appendLittle<std::uint16_t>(out, 20); // needed
        appendLittle<std::uint16_t>(out, 0);
        appendLittle<std::uint16_t>(out, 0);
        appendLittle<std::uint16_t>(out, 0);
        appendLittle<std::uint16_t>(out, 0x21);
        appendLittle<std::uint32_t>(out, w.crc);
        appendLittle<std::uint32_t>(out, static_cast<std::uint32_t>(w.size));
        appendLittle<std::uint32_t>(out, static_cast<std::uint32_t>(w.size));
        appendLittle<std::uint16_t>(out, static_cast<std::uint16_t>(w.name.size()));
        appendLittle<std::uint16_t>(out, 0); // extra
        appendLittle<std::uint16_t>(out, 0); // comment
        appendLittle<std::uint16_t>(out, 0); // disk
        appendLittle<std::uint16_t>(out, 0); // internal attributes
        appendLittle<std::uint32_t>(out, 0); // external attributes
        appendLittle<std::uint32_t>(out, static_cast<std::uint32_t>(w.local));
        out += w.name;
    }
    const std::uint64_t directorySize = out.size() - directory;
    appendLittle<std::uint32_t>(out, kEndSig);
    appendLittle<std::uint16_t>(out, 0);
    appendLittle<std::uint16_t>(out, 0);
    appendLittle<std::uint16_t>(out, static_cast<std::uint16_t>(written.size()));
    appendLittle<std::uint16_t>(out, static_cast<std::uint16_t>(written.size()));
    appendLittle<std::uint32_t>(out, static_cast<std::uint32_t>(directorySize));
    appendLittle<std::uint32_t>(out, static_cast<std::uint32_t>(directory));
    appendLittle<std::uint16_t>(out, 0);
    return out;
}

} // namespace tstudio::weights::formats
