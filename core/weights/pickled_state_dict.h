#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/weights/pickle_machine.h"
#include "core/weights/weight_records.h"

namespace tstudio::weights::formats {

/**
 * The named tensors of an unpickled torch.save object: a dict or OrderedDict of tensors, or a
 * checkpoint that wraps one under "state_dict", "model" or "model_state_dict". Entries whose
 * value is not a tensor (an epoch number, optimizer state) and non-string keys are skipped;
 * a repeated key keeps its first position and its last value, as a Python dict does.
 * Fails when the object holds no tensors at all.
 */
Result<std::vector<TensorRecord>> collectStateDict(const PickleValue& root);

/** A storage's persistent id as torch.save writes it: ('storage', type, key, location, numel). */
struct StorageId {
    DType dtype = DType::Float32;
    std::string key;
    std::int64_t numel = 0;
};

/**
 * The fields of a persistent id that the object pickle hands to its persistent load (a tuple of
 * at least five). Fails for anything else, or a negative element count.
 */
Result<StorageId> parseStorageId(const PickleValue& id);

/**
 * The last step of both torch.save readers: records.tensors from collectStateDict(root), then
 * every tensor checked against its storage and the fileSize bytes (checkRecords).
 */
Result<WeightRecords> finishPickledRecords(const PickleValue& root, WeightRecords records,
                                           std::uint64_t fileSize);

} // namespace tstudio::weights::formats
