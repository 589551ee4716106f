#include "core/weights/pickled_state_dict.h"

#include <array>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/weights/weight_messages.h"

namespace tstudio::weights::formats {

namespace {

using Kind = PickleValue::Kind;

constexpr std::array<std::string_view, 3> kWrapperKeys{"state_dict", "model", "model_state_dict"};
constexpr int kMaxWrapperDepth = 4;

const PickleValue* findKey(const PickleValue& dict, std::string_view key) {
    const PickleValue* found = nullptr;
    for (const auto& [k, v] : dict.entries) {
        if (k->kind == Kind::String && k->text == key) {
            found = v;
        }
    }
    return found;
}

bool hasTensor(const PickleValue& dict) {
    for (const auto& entry : dict.entries) {
        if (entry.second->kind == Kind::Tensor) {
            return true;
        }
    }
    return false;
}

} // namespace

Result<StorageId> parseStorageId(const PickleValue& id) {
    const auto& a = id.items;
    StorageId storage;
    if (id.kind != Kind::Tuple || a.size() < 5 || a[0]->kind != Kind::String ||
        a[0]->text != "storage" || a[1]->kind != Kind::Global ||
        !storageTypeDType(a[1]->text, &storage.dtype) || a[2]->kind != Kind::String ||
        !pickleInt(a[4], &storage.numel) || storage.numel < 0) {
        return fail("a persistent id that is not ('storage', type, key, location, numel)");
    }
    storage.key = a[2]->text;
    return storage;
}

Result<std::vector<TensorRecord>> collectStateDict(const PickleValue& root) {
    const PickleValue* dict = &root;
    for (int depth = 0; dict->kind == Kind::Dict && !hasTensor(*dict); ++depth) {
        const PickleValue* inner = nullptr;
        for (const std::string_view key : kWrapperKeys) {
            if (const PickleValue* value = findKey(*dict, key);
                value && value->kind == Kind::Dict) {
                inner = value;
                break;
            }
        }
        if (!inner || depth == kMaxWrapperDepth) {
            break;
        }
        dict = inner;
    }
    if (dict->kind != Kind::Dict) {
        return fail(text::kSingleObject);
    }
    std::vector<TensorRecord> tensors;
    std::unordered_map<std::string_view, std::size_t> positions;
    for (const auto& [key, value] : dict->entries) {
        if (key->kind != Kind::String || value->kind != Kind::Tensor) {
            continue;
        }
        TensorRecord record = value->tensor;
        record.name = key->text;
        if (const auto it = positions.find(key->text); it != positions.end()) {
            tensors[it->second] = std::move(record);
        } else {
            positions.emplace(key->text, tensors.size());
            tensors.push_back(std::move(record));
        }
    }
    if (tensors.empty()) {
        return fail(text::kNoTensors);
    }
    return tensors;
}

Result<WeightRecords> finishPickledRecords(const PickleValue& root, WeightRecords records,
                                           std::uint64_t fileSize) {
    auto tensors = collectStateDict(root);
    if (!tensors) {
        return tensors.error();
    }
    records.tensors = std::move(*tensors);
    if (auto status = checkRecords(records, fileSize); !status) {
        return status.error();
    }
    return records;
}

} // namespace tstudio::weights::formats
