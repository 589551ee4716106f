#include "core/weights/pickle_machine.h"

#include <array>
#include <bit>

#include "core/weights/byte_reader.h"

namespace tstudio::weights::formats {

namespace {

using Kind = PickleValue::Kind;

// Weight files need a few objects per tensor; a cap keeps a hostile pickle of one-byte opcodes
// from turning a file into gigabytes of values.
constexpr std::size_t kMaxValues = 1'000'000;
constexpr std::size_t kMaxGlobalLength = 256;

constexpr std::string_view kOrderedDict = "collections.OrderedDict";
constexpr std::string_view kRebuildTensor = "torch._utils._rebuild_tensor_v2";
constexpr std::string_view kRebuildParameter = "torch._utils._rebuild_parameter";

struct StorageType {
    std::string_view name;
    DType dtype;
};

constexpr std::array<StorageType, 10> kStorageTypes{{
    {"torch.FloatStorage", DType::Float32},
    {"torch.DoubleStorage", DType::Float64},
    {"torch.HalfStorage", DType::Float16},
    {"torch.BFloat16Storage", DType::BFloat16},
    {"torch.LongStorage", DType::Int64},
    {"torch.IntStorage", DType::Int32},
    {"torch.ShortStorage", DType::Int16},
    {"torch.CharStorage", DType::Int8},
    {"torch.ByteStorage", DType::UInt8},
    {"torch.BoolStorage", DType::Bool},
}};

bool allowedGlobal(std::string_view name) {
    DType unused;
    return name == kOrderedDict || name == kRebuildTensor || name == kRebuildParameter ||
           storageTypeDType(name, &unused);
}

std::string hex(unsigned value) {
    constexpr char digits[] = "0123456789abcdef";
    return std::string("0x") + digits[(value >> 4) & 0xF] + digits[value & 0xF];
}

bool intTuple(const PickleValue* value, std::vector<std::int64_t>* out) {
    if (value->kind != Kind::Tuple && value->kind != Kind::List) {
        return false;
    }
    out->clear();
    for (const PickleValue* item : value->items) {
        std::int64_t number = 0;
        if (!pickleInt(item, &number)) {
            return false;
        }
        out->push_back(number);
    }
    return true;
}

} // namespace

bool pickleInt(const PickleValue* value, std::int64_t* out) {
    if (value->kind != Kind::Int && value->kind != Kind::Bool) {
        return false;
    }
    *out = value->integer;
    return true;
}

bool storageTypeDType(std::string_view global, DType* out) {
    for (const StorageType& type : kStorageTypes) {
        if (type.name == global) {
            *out = type.dtype;
            return true;
        }
    }
    return false;
}

std::string_view storageTypeName(DType dtype) {
    for (const StorageType& type : kStorageTypes) {
        if (type.dtype == dtype) {
            return type.name.substr(6);
        }
    }
    return "FloatStorage";
}

PickleMachine::PickleMachine(PersistentLoad persistentLoad)
    : m_persistentLoad(std::move(persistentLoad)) {}

PickleValue* PickleMachine::make(Kind kind) {
    m_arena.emplace_back();
    m_arena.back().kind = kind;
    return &m_arena.back();
}

Result<PickleValue*> PickleMachine::load(std::string_view data, std::size_t* position) {
    std::vector<PickleValue*> stack;
    std::vector<std::size_t> marks;
    std::unordered_map<std::uint64_t, PickleValue*> memo;
    std::size_t pos = *position;
    std::size_t opPos = pos;

    auto error = [&](const std::string& what) {
        return fail("pickle byte " + std::to_string(opPos) + ": " + what);
    };
    auto has = [&](std::uint64_t n) {
        return n <= data.size() - pos;
    };
    auto take = [&](std::size_t n) {
        const std::string_view bytes = data.substr(pos, n);
        pos += n;
        return bytes;
    };
    auto pop = [&](PickleValue** out) {
        if (stack.empty() || (!marks.empty() && marks.back() == stack.size())) {
            return false;
        }
        *out = stack.back();
        stack.pop_back();
        return true;
    };
    auto popMark = [&](std::vector<PickleValue*>* items) {
        if (marks.empty()) {
            return false;
        }
        const std::size_t mark = marks.back();
        marks.pop_back();
        items->assign(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
        stack.resize(mark);
        return true;
    };
    auto topIs = [&](Kind kind) {
        return !stack.empty() && (marks.empty() || marks.back() < stack.size()) &&
               stack.back()->kind == kind;
    };
    auto pushText = [&](Kind kind, std::uint64_t length) {
        if (!has(length)) {
            return false;
        }
        PickleValue* value = make(kind);
        value->text = take(static_cast<std::size_t>(length));
        stack.push_back(value);
        return true;
    };
    auto pushInt = [&](std::int64_t number) {
        PickleValue* value = make(Kind::Int);
        value->integer = number;
        stack.push_back(value);
    };
    auto pushLong = [&](std::uint64_t length) {
        if (!has(length)) {
            return false;
        }
        const std::string_view bytes = take(static_cast<std::size_t>(length));
        if (length > 8) {
            PickleValue* value = make(Kind::BigInt);
            value->text = bytes;
            stack.push_back(value);
            return true;
        }
        std::uint64_t raw = 0;
        for (std::size_t i = length; i-- > 0;) {
            raw = (raw << 8) | static_cast<unsigned char>(bytes[i]);
        }
        if (length > 0 && length < 8 && (static_cast<unsigned char>(bytes[length - 1]) & 0x80U)) {
            raw |= ~std::uint64_t{0} << (8 * length);
        }
        pushInt(static_cast<std::int64_t>(raw));
        return true;
    };
    auto pushGlobal = [&](std::string name) -> Status {
        if (!allowedGlobal(name)) {
            return error("the file asks for the Python global '" + name +
                         "', which has no place in a weight file; it was not run. Only tensors, "
                         "typed storages and OrderedDict are accepted, so this file is either "
                         "not a plain state dict (export model.state_dict() in Python) or "
                         "deliberately hostile");
        }
        PickleValue* value = make(Kind::Global);
        value->text = std::move(name);
        stack.push_back(value);
        return success();
    };
    auto reduce = [&](PickleValue* callable, PickleValue* args) -> Result<PickleValue*> {
        if (callable->kind != Kind::Global) {
            return error("REDUCE applied to something that is not a function");
        }
        if (args->kind != Kind::Tuple) {
            return error("REDUCE arguments are not a tuple");
        }
        const auto& a = args->items;
        if (callable->text == kOrderedDict) {
            if (!a.empty()) {
                return error("OrderedDict built from arguments, which torch.save never writes");
            }
            return make(Kind::Dict);
        }
        if (callable->text == kRebuildParameter) {
            if (a.size() < 1 || a[0]->kind != Kind::Tensor) {
                return error("_rebuild_parameter without a tensor");
            }
            return a[0];
        }
        if (callable->text == kRebuildTensor) {
            PickleValue* tensor = make(Kind::Tensor);
            if ((a.size() != 6 && a.size() != 7) || a[0]->kind != Kind::Storage ||
                !pickleInt(a[1], &tensor->tensor.storageOffset) ||
                !intTuple(a[2], &tensor->tensor.shape) ||
                !intTuple(a[3], &tensor->tensor.strides)) {
                return error("_rebuild_tensor_v2 with arguments other than (storage, offset, "
                             "size, stride, requires_grad, hooks)");
            }
            if (tensor->tensor.shape.size() != tensor->tensor.strides.size() ||
                tensor->tensor.shape.size() > kMaxDims) {
                return error("a tensor's size and stride disagree or have too many dimensions");
            }
            tensor->tensor.dtype = a[0]->tensor.dtype;
            tensor->tensor.storage = a[0]->tensor.storage;
            return tensor;
        }
        return error("'" + callable->text + "' cannot be called");
    };

    for (;;) {
        if (m_arena.size() > kMaxValues) {
            return error("the pickle builds more than " + std::to_string(kMaxValues) +
                         " objects; a weight file needs far fewer");
        }
        opPos = pos;
        if (pos >= data.size()) {
            return error("the pickle ends before its STOP opcode: the file is truncated");
        }
        const auto op = static_cast<unsigned char>(data[pos++]);
        PickleValue* a = nullptr;
        PickleValue* b = nullptr;
        std::vector<PickleValue*> items;
        switch (op) {
        case 0x80: // PROTO
            if (!has(1)) {
                return error("truncated PROTO");
            }
            if (static_cast<unsigned char>(take(1)[0]) > 5) {
                return error("pickle protocol newer than 5");
            }
            break;
        case 0x95: // FRAME: framing is transparent to a reader that has the whole buffer
            if (!has(8)) {
                return error("truncated FRAME");
            }
            take(8);
            break;
        case '.': // STOP
            if (!pop(&a) || !stack.empty() || !marks.empty()) {
                return error("the pickle stops with an unbalanced stack");
            }
            *position = pos;
            return a;
        case '(': // MARK
            marks.push_back(stack.size());
            break;
        case '0': // POP
            if (!stack.empty() && (marks.empty() || marks.back() < stack.size())) {
                stack.pop_back();
            } else if (!popMark(&items)) {
                return error("POP on an empty stack");
            }
            break;
        case '1': // POP_MARK
            if (!popMark(&items)) {
                return error("POP_MARK without MARK");
            }
            break;
        case '2': // DUP
            if (!pop(&a)) {
                return error("DUP on an empty stack");
            }
            stack.push_back(a);
            stack.push_back(a);
            break;
        case '}': // EMPTY_DICT
            stack.push_back(make(Kind::Dict));
            break;
        case ']': // EMPTY_LIST
            stack.push_back(make(Kind::List));
            break;
        case ')': // EMPTY_TUPLE
            stack.push_back(make(Kind::Tuple));
            break;
        case 't': // TUPLE
        case 'l': // LIST
            if (!popMark(&items)) {
                return error("TUPLE/LIST without MARK");
            }
            a = make(op == 't' ? Kind::Tuple : Kind::List);
            a->items = std::move(items);
            stack.push_back(a);
            break;
        case 0x85:   // TUPLE1
        case 0x86:   // TUPLE2
        case 0x87: { // TUPLE3
            const std::size_t count = op - 0x84U;
            a = make(Kind::Tuple);
            a->items.resize(count);
            for (std::size_t i = count; i-- > 0;) {
                if (!pop(&a->items[i])) {
                    return error("TUPLE" + std::to_string(count) + " on a short stack");
                }
            }
            stack.push_back(a);
            break;
        }
        case 'd': // DICT
            if (!popMark(&items) || items.size() % 2 != 0) {
                return error("DICT without MARK or with an odd item count");
            }
            a = make(Kind::Dict);
            for (std::size_t i = 0; i < items.size(); i += 2) {
                a->entries.emplace_back(items[i], items[i + 1]);
            }
            stack.push_back(a);
            break;
        case 'X': // BINUNICODE
        case 'T': // BINSTRING (Python 2 str)
        case 'B': // BINBYTES
            if (!has(4) || !pushText(op == 'B' ? Kind::Bytes : Kind::String,
                                     readLittle<std::uint32_t>(take(4).data()))) {
                return error("string runs past the end of the data");
            }
            break;
        case 0x8c: // SHORT_BINUNICODE
        case 'U':  // SHORT_BINSTRING
        case 'C':  // SHORT_BINBYTES
            if (!has(1) || !pushText(op == 'C' ? Kind::Bytes : Kind::String,
                                     static_cast<unsigned char>(take(1)[0]))) {
                return error("string runs past the end of the data");
            }
            break;
        case 0x8d: // BINUNICODE8
        case 0x8e: // BINBYTES8
        case 0x96: // BYTEARRAY8
            if (!has(8) || !pushText(op == 0x8d ? Kind::String : Kind::Bytes,
                                     readLittle<std::uint64_t>(take(8).data()))) {
                return error("string runs past the end of the data");
            }
            break;
        case 'q':   // BINPUT
        case 'r': { // LONG_BINPUT
            const std::size_t width = op == 'q' ? 1 : 4;
            if (!has(width) || stack.empty()) {
                return error("PUT without a value");
            }
            const std::string_view key = take(width);
            memo[width == 1 ? static_cast<unsigned char>(key[0])
                            : readLittle<std::uint32_t>(key.data())] = stack.back();
            break;
        }
        case 0x94: // MEMOIZE
            if (stack.empty()) {
                return error("MEMOIZE without a value");
            }
            memo[memo.size()] = stack.back();
            break;
        case 'h':   // BINGET
        case 'j': { // LONG_BINGET
            const std::size_t width = op == 'h' ? 1 : 4;
            if (!has(width)) {
                return error("truncated GET");
            }
            const std::string_view key = take(width);
            const auto it = memo.find(width == 1 ? static_cast<unsigned char>(key[0])
                                                 : readLittle<std::uint32_t>(key.data()));
            if (it == memo.end()) {
                return error("GET of a memo entry that was never PUT");
            }
            stack.push_back(it->second);
            break;
        }
        case 'c': { // GLOBAL: "module\nname\n"
            std::string parts[2];
            for (std::string& part : parts) {
                const std::size_t newline = data.find('\n', pos);
                if (newline == std::string_view::npos || newline - pos > kMaxGlobalLength) {
                    return error("malformed GLOBAL");
                }
                part = take(newline - pos);
                take(1);
            }
            if (auto status = pushGlobal(parts[0] + "." + parts[1]); !status) {
                return status.error();
            }
            break;
        }
        case 0x93: // STACK_GLOBAL
            if (!pop(&b) || !pop(&a) || a->kind != Kind::String || b->kind != Kind::String) {
                return error("STACK_GLOBAL without module and name strings");
            }
            if (auto status = pushGlobal(a->text + "." + b->text); !status) {
                return status.error();
            }
            break;
        case 'Q': { // BINPERSID
            if (!pop(&a)) {
                return error("BINPERSID on an empty stack");
            }
            if (!m_persistentLoad) {
                return error("a persistent id where none is expected");
            }
            auto loaded = m_persistentLoad(*this, *a);
            if (!loaded) {
                return error(loaded.message());
            }
            stack.push_back(*loaded);
            break;
        }
        case 'R': { // REDUCE
            if (!pop(&b) || !pop(&a)) {
                return error("REDUCE on a short stack");
            }
            auto reduced = reduce(a, b);
            if (!reduced) {
                return reduced.error();
            }
            stack.push_back(*reduced);
            break;
        }
        case 'b': // BUILD: sets attributes (an OrderedDict's _metadata); nothing to keep
            if (!pop(&b) || stack.empty()) {
                return error("BUILD on a short stack");
            }
            break;
        case 's': // SETITEM
            if (!pop(&b) || !pop(&a) || !topIs(Kind::Dict)) {
                return error("SETITEM outside a dict");
            }
            stack.back()->entries.emplace_back(a, b);
            break;
        case 'u': // SETITEMS
            if (!popMark(&items) || items.size() % 2 != 0 || !topIs(Kind::Dict)) {
                return error("SETITEMS outside a dict or with an odd item count");
            }
            for (std::size_t i = 0; i < items.size(); i += 2) {
                stack.back()->entries.emplace_back(items[i], items[i + 1]);
            }
            break;
        case 'a': // APPEND
            if (!pop(&a) || !topIs(Kind::List)) {
                return error("APPEND outside a list");
            }
            stack.back()->items.push_back(a);
            break;
        case 'e': // APPENDS
            if (!popMark(&items) || !topIs(Kind::List)) {
                return error("APPENDS outside a list");
            }
            stack.back()->items.insert(stack.back()->items.end(), items.begin(), items.end());
            break;
        case 'J': // BININT
            if (!has(4)) {
                return error("truncated BININT");
            }
            pushInt(static_cast<std::int32_t>(readLittle<std::uint32_t>(take(4).data())));
            break;
        case 'K': // BININT1
            if (!has(1)) {
                return error("truncated BININT1");
            }
            pushInt(static_cast<unsigned char>(take(1)[0]));
            break;
        case 'M': // BININT2
            if (!has(2)) {
                return error("truncated BININT2");
            }
            pushInt(readLittle<std::uint16_t>(take(2).data()));
            break;
        case 0x8a: // LONG1
            if (!has(1) || !pushLong(static_cast<unsigned char>(take(1)[0]))) {
                return error("truncated LONG1");
            }
            break;
        case 0x8b: { // LONG4
            if (!has(4)) {
                return error("truncated LONG4");
            }
            const auto length =
                static_cast<std::int32_t>(readLittle<std::uint32_t>(take(4).data()));
            if (length < 0 || !pushLong(static_cast<std::uint64_t>(length))) {
                return error("malformed LONG4");
            }
            break;
        }
        case 'G': { // BINFLOAT, big-endian
            if (!has(8)) {
                return error("truncated BINFLOAT");
            }
            const std::string_view bytes = take(8);
            std::uint64_t raw = 0;
            for (const char c : bytes) {
                raw = (raw << 8) | static_cast<unsigned char>(c);
            }
            a = make(Kind::Float);
            a->real = std::bit_cast<double>(raw);
            stack.push_back(a);
            break;
        }
        case 0x88: // NEWTRUE
        case 0x89: // NEWFALSE
            a = make(Kind::Bool);
            a->integer = op == 0x88 ? 1 : 0;
            stack.push_back(a);
            break;
        case 'N': // NONE
            stack.push_back(make(Kind::None));
            break;
        default:
            return error("unsupported pickle opcode " + hex(op) +
                         "; files written by torch.save do not use it");
        }
    }
}

} // namespace tstudio::weights::formats
