#include "core/weights/pth_legacy_format.h"

#include <unordered_map>

#include "core/weights/byte_reader.h"
#include "core/weights/pickle_machine.h"
#include "core/weights/pickled_state_dict.h"

namespace tstudio::weights::formats {

namespace {

using Kind = PickleValue::Kind;

// pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2): PROTO 2, LONG1 of 10 bytes.
constexpr std::string_view kMagicPickle =
    "\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.";
constexpr std::int64_t kProtocolVersion = 1001;

struct LegacyStorage {
    std::size_t index = 0;
    DType dtype = DType::Float32;
    std::int64_t numel = 0;
    bool filled = false;
};

using LegacyStorages = std::unordered_map<std::string, LegacyStorage>;

// The protocol version and sys_info pickles that follow the magic number.
Status readHeader(std::string_view data, std::size_t* position) {
    PickleMachine header;
    auto protocol = header.load(data, position);
    std::int64_t version = 0;
    if (!protocol || !pickleInt(*protocol, &version) || version != kProtocolVersion) {
        return fail("unsupported legacy torch file protocol version (expected 1001)");
    }
    auto sysInfo = header.load(data, position);
    if (!sysInfo) {
        return fail("damaged sys_info record: " + sysInfo.message());
    }
    if ((*sysInfo)->kind == Kind::Dict) {
        for (const auto& [key, value] : (*sysInfo)->entries) {
            if (key->kind == Kind::String && key->text == "little_endian" &&
                value->kind == Kind::Bool && value->integer == 0) {
                return fail("the file was saved on a big-endian machine, which is not supported");
            }
        }
    }
    return success();
}

// The object pickle's persistent load: a storage is declared here, by key, type and element
// count; its bytes come after the pickles, so the record's span is filled in later.
Result<PickleValue*> loadStorage(PickleMachine& machine, const PickleValue& id,
                                 LegacyStorages* storages, WeightRecords* records) {
    auto parsed = parseStorageId(id);
    if (!parsed) {
        return parsed.error();
    }
    // The legacy id's sixth field describes a view into a shared storage; None for a whole one.
    if (id.items.size() > 5 && id.items[5]->kind != Kind::None) {
        return fail("storage views (torch < 0.4 files) are not supported; re-save the file "
                    "with a current torch");
    }
    const StorageId& sid = *parsed;
    auto [it, added] = storages->try_emplace(sid.key);
    if (added) {
        it->second = {records->storages.size(), sid.dtype, sid.numel, false};
        records->storages.emplace_back();
    } else if (it->second.dtype != sid.dtype || it->second.numel != sid.numel) {
        return fail("storage '" + sid.key + "' is used with different types or sizes");
    }
    PickleValue* storage = machine.make(Kind::Storage);
    storage->tensor.dtype = sid.dtype;
    storage->tensor.storage = it->second.index;
    return storage;
}

// After the pickles: for each key in the listed order, an element count and the raw bytes.
Status readStorageData(std::string_view data, std::size_t* position, const PickleValue& keys,
                       LegacyStorages* storages, WeightRecords* records) {
    for (const PickleValue* key : keys.items) {
        if (key->kind != Kind::String) {
            return fail("a storage key is not a string");
        }
        const auto it = storages->find(key->text);
        if (it == storages->end() || it->second.filled) {
            return fail("storage key '" + key->text + "' is unknown or listed twice");
        }
        if (data.size() - *position < 8) {
            return fail("storage '" + key->text + "' is missing: the file is truncated");
        }
        const auto count =
            static_cast<std::int64_t>(readLittle<std::uint64_t>(data.data() + *position));
        *position += 8;
        std::uint64_t bytes = 0;
        if (count != it->second.numel ||
            __builtin_mul_overflow(static_cast<std::uint64_t>(count), dtypeSize(it->second.dtype),
                                   &bytes) ||
            bytes > data.size() - *position) {
            return fail("storage '" + key->text + "' claims " + std::to_string(count) +
                        " elements, which the file does not hold (truncated or damaged)");
        }
        records->storages[it->second.index] = {*position, bytes};
        it->second.filled = true;
        *position += static_cast<std::size_t>(bytes);
    }
    for (const auto& [key, storage] : *storages) {
        if (!storage.filled) {
            return fail("storage '" + key + "' has no data in the file");
        }
    }
    return success();
}

} // namespace

bool looksLikeLegacyPth(std::string_view data) {
    // The magic number may be pickled with protocol 2 or higher; the LONG1 payload is the same.
    return data.size() >= kMagicPickle.size() && data[0] == '\x80' &&
           data.substr(2, kMagicPickle.size() - 2) == kMagicPickle.substr(2);
}

Result<WeightRecords> parsePthLegacy(std::string_view data) {
    if (!looksLikeLegacyPth(data)) {
        return fail("the file does not start with torch's magic number");
    }
    std::size_t position = kMagicPickle.size();
    if (auto status = readHeader(data, &position); !status) {
        return status.error();
    }
    WeightRecords records;
    records.format = "pth (legacy)";
    LegacyStorages storages;
    PickleMachine machine([&](PickleMachine& m, const PickleValue& id) {
        return loadStorage(m, id, &storages, &records);
    });
    auto root = machine.load(data, &position);
    if (!root) {
        return fail("the object pickle: " + root.message());
    }
    auto keys = machine.load(data, &position);
    if (!keys || (*keys)->kind != Kind::List) {
        return fail("the list of storage keys is missing or damaged (truncated file?)");
    }
    if (auto status = readStorageData(data, &position, **keys, &storages, &records); !status) {
        return status.error();
    }
    return finishPickledRecords(**root, std::move(records), data.size());
}

} // namespace tstudio::weights::formats
