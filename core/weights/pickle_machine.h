#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/common/result.h"
#include "core/weights/weight_records.h"

namespace tstudio::weights::formats {

/**
 * A value built by the restricted unpickler. Containers refer to other values by pointer; the
 * PickleMachine that made them owns them all (pickles can build cycles, so no shared ownership).
 */
struct PickleValue {
    enum class Kind {
        None,
        Bool,
        Int,
        BigInt, ///< wider than 64 bits: raw little-endian two's complement bytes in text
        Float,
        String,
        Bytes,
        Tuple,
        List,
        Dict,
        Global,  ///< an allow-listed Python name, "module.name" in text
        Storage, ///< a tensor storage from a persistent id
        Tensor,  ///< a rebuilt tensor (torch._utils._rebuild_tensor_v2)
    };
    Kind kind = Kind::None;
    std::int64_t integer = 0;
    double real = 0.0;
    std::string text;
    std::vector<PickleValue*> items;                            ///< Tuple, List
    std::vector<std::pair<PickleValue*, PickleValue*>> entries; ///< Dict, in insertion order
    TensorRecord tensor; ///< Tensor (no name); Storage uses dtype and storage
};

/**
 * The restricted unpickler: a pickle VM for the opcodes torch.save emits (protocols 2 to 5),
 * which builds plain values and never calls Python code. Globals must be in a fixed allow-list
 * (OrderedDict, tensor rebuilding, typed storages); REDUCE applies only those, symbolically; any
 * other global is an error naming it. BUILD state (an OrderedDict's _metadata) is ignored.
 * Persistent ids are handed to a callback that turns them into Storage values.
 * Not thread-safe; values live as long as the machine.
 */
class PickleMachine {
public:
    using PersistentLoad = std::function<Result<PickleValue*>(PickleMachine&, const PickleValue&)>;

    explicit PickleMachine(PersistentLoad persistentLoad = {});

    /**
     * Runs one pickle from data[*position] up to its STOP; on success *position is just past it.
     * Fails with a message naming the offending opcode or global and its byte offset.
     */
    Result<PickleValue*> load(std::string_view data, std::size_t* position);

    /** A new value owned by the machine. */
    PickleValue* make(PickleValue::Kind kind);

private:
    class Run; // one load(): its stack, marks, memo and read position (pickle_machine_run.h)

    std::deque<PickleValue> m_arena;
    PersistentLoad m_persistentLoad;
};

/** True if value is an Int (or Bool) and stores it in out. */
bool pickleInt(const PickleValue* value, std::int64_t* out);

/** The storage type global ("torch.FloatStorage") as a dtype, or false. */
bool storageTypeDType(std::string_view global, DType* out);

/** The typed storage class torch.save names for dtype, without "torch." ("FloatStorage"). */
std::string_view storageTypeName(DType dtype);

} // namespace tstudio::weights::formats
