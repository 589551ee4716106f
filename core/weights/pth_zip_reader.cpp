#include "core/weights/pth_zip_format.h"

#include <unordered_map>

#include "core/weights/pickle_machine.h"
#include "core/weights/pickled_state_dict.h"
#include "core/weights/weight_messages.h"
#include "core/weights/zip_archive.h"

namespace tstudio::weights::formats {

namespace {

using Kind = PickleValue::Kind;

std::string_view folderOf(std::string_view name) {
    const std::size_t slash = name.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : name.substr(0, slash + 1);
}

// torch.save never compresses; a compressed member means another tool repacked the archive.
Status requireStored(const ZipEntry& entry) {
    if (entry.method == 0) {
        return success();
    }
    return fail("zip member '" + entry.name + "' is compressed (method " +
                std::to_string(entry.method) +
                "); torch.save never compresses, so this file was repacked by another tool. "
                "Re-save it with torch.save, or unpack it and re-zip it without compression "
                "(zip -0)");
}

using EntriesByName = std::unordered_map<std::string_view, const ZipEntry*>;

// torch names the top folder after the file's stem ("archive" for buffers), and files get
// renamed after saving, so the first <any single folder>/data.pkl is the object pickle.
const ZipEntry* findDataPickle(const std::vector<ZipEntry>& entries) {
    for (const ZipEntry& entry : entries) {
        const std::string_view folder = folderOf(entry.name);
        if (entry.name.ends_with("data.pkl") && entry.name.size() == folder.size() + 8 &&
            folder.find('/') == folder.size() - 1) {
            return &entry;
        }
    }
    return nullptr;
}

// Refuses archives that are torch.save's layout but not a state dict this reader can map.
Status checkArchive(std::string_view data, const EntriesByName& byName, const std::string& folder,
                    const ZipEntry& pickle) {
    if (byName.count(folder + "constants.pkl")) {
        return fail(text::kTorchScript);
    }
    if (auto status = requireStored(pickle); !status) {
        return status.error();
    }
    if (const auto it = byName.find(folder + "byteorder");
        it != byName.end() && it->second->method == 0) {
        const ByteSpan span = it->second->data;
        if (data.substr(static_cast<std::size_t>(span.offset),
                        static_cast<std::size_t>(span.size)) != "little") {
            return fail("the file was saved on a big-endian machine, which is not supported");
        }
    }
    return success();
}

// The object pickle's persistent load: each storage key names the member <folder>/data/<key>,
// which must hold at least the bytes the id claims.
struct ZipStorages {
    const EntriesByName& byName;
    const std::string& folder;
    WeightRecords& records;
    std::unordered_map<std::string, std::size_t> indexByKey;

    Result<PickleValue*> load(PickleMachine& machine, const PickleValue& id);
};

Result<PickleValue*> ZipStorages::load(PickleMachine& machine, const PickleValue& id) {
    auto parsed = parseStorageId(id);
    if (!parsed) {
        return parsed.error();
    }
    const StorageId& sid = *parsed;
    auto [it, added] = indexByKey.try_emplace(sid.key, records.storages.size());
    if (added) {
        const auto member = byName.find(folder + "data/" + sid.key);
        if (member == byName.end()) {
            return fail("storage '" + sid.key + "' has no member " + folder + "data/" + sid.key +
                        " in the archive");
        }
        if (auto status = requireStored(*member->second); !status) {
            return status.error();
        }
        records.storages.push_back(member->second->data);
    }
    const std::uint64_t bytes = records.storages[it->second].size;
    std::uint64_t needed = 0;
    if (__builtin_mul_overflow(static_cast<std::uint64_t>(sid.numel), dtypeSize(sid.dtype),
                               &needed) ||
        needed > bytes) {
        return fail("storage '" + sid.key + "' claims " + std::to_string(sid.numel) + " " +
                    std::string(dtypeName(sid.dtype)) + " elements but holds " +
                    std::to_string(bytes) + " bytes");
    }
    PickleValue* storage = machine.make(Kind::Storage);
    storage->tensor.dtype = sid.dtype;
    storage->tensor.storage = it->second;
    return storage;
}

} // namespace

Result<WeightRecords> parsePthZip(std::string_view data, bool verifyChecksums) {
    auto entries = readZipDirectory(data, verifyChecksums);
    if (!entries) {
        return entries.error();
    }
    EntriesByName byName;
    for (const ZipEntry& entry : *entries) {
        byName.emplace(entry.name, &entry);
    }
    const ZipEntry* pickle = findDataPickle(*entries);
    if (!pickle) {
        return fail("the zip archive has no <folder>/data.pkl, so it is not a file written by "
                    "torch.save");
    }
    const std::string folder(folderOf(pickle->name));
    if (auto status = checkArchive(data, byName, folder, *pickle); !status) {
        return status.error();
    }

    WeightRecords records;
    records.format = "pth (zip)";
    ZipStorages storages{byName, folder, records, {}};
    PickleMachine machine(
        [&](PickleMachine& m, const PickleValue& id) { return storages.load(m, id); });
    std::size_t position = 0;
    const std::string_view pickleBytes = data.substr(static_cast<std::size_t>(pickle->data.offset),
                                                     static_cast<std::size_t>(pickle->data.size));
    auto root = machine.load(pickleBytes, &position);
    if (!root) {
        return fail(pickle->name + ": " + root.message());
    }
    return finishPickledRecords(**root, std::move(records), data.size());
}

} // namespace tstudio::weights::formats
