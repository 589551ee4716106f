#include "core/weights/pickle_machine.h"

#include <array>
#include <bit>
#include <optional>

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

// The VM's state for one load(). Each opcode group is a member function that handles its own
// opcodes and returns nullopt for the others, so load() is a plain fetch-and-dispatch loop and
// every bound check sits beside the opcode it guards.
class PickleMachine::Run {
public:
    Run(PickleMachine& machine, std::string_view data, std::size_t position)
        : m_machine(machine), m_data(data), m_pos(position), m_opPos(position) {}

    Result<PickleValue*> execute(std::size_t* position);

private:
    using Step = std::optional<Status>; // nullopt: not an opcode of this group

    Status step(unsigned char op);
    Step stackOps(unsigned char op);
    Step numberOps(unsigned char op);
    Step textOps(unsigned char op);
    Step containerOps(unsigned char op);
    Step dictAndListOps(unsigned char op);
    Step memoOps(unsigned char op);
    Step objectOps(unsigned char op);

    Error error(const std::string& what) const;
    bool has(std::uint64_t n) const { return n <= m_data.size() - m_pos; }
    std::string_view take(std::size_t n);
    bool pop(PickleValue** out);
    bool popMark(std::vector<PickleValue*>* items);
    bool topIs(Kind kind) const;
    bool pushText(Kind kind, std::uint64_t length);
    void pushInt(std::int64_t number);
    bool pushLong(std::uint64_t length);
    Status pushGlobal(std::string name);
    Result<PickleValue*> reduce(PickleValue* callable, PickleValue* args);
    Result<PickleValue*> rebuildTensor(const std::vector<PickleValue*>& a);

    PickleMachine& m_machine;
    std::string_view m_data;
    std::size_t m_pos;
    std::size_t m_opPos; // where the current opcode starts, for error messages
    std::vector<PickleValue*> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, PickleValue*> m_memo;
};

Result<PickleValue*> PickleMachine::Run::execute(std::size_t* position) {
    for (;;) {
        // Checked before m_opPos moves on, so the message names the opcode that crossed the cap.
        if (m_machine.m_arena.size() > kMaxValues) {
            return error("the pickle builds more than " + std::to_string(kMaxValues) +
                         " objects; a weight file needs far fewer");
        }
        m_opPos = m_pos;
        if (m_pos >= m_data.size()) {
            return error("the pickle ends before its STOP opcode: the file is truncated");
        }
        const auto op = static_cast<unsigned char>(m_data[m_pos++]);
        if (op == '.') { // STOP
            PickleValue* result = nullptr;
            if (!pop(&result) || !m_stack.empty() || !m_marks.empty()) {
                return error("the pickle stops with an unbalanced stack");
            }
            *position = m_pos;
            return result;
        }
        if (auto status = step(op); !status) {
            return status.error();
        }
    }
}

Status PickleMachine::Run::step(unsigned char op) {
    for (const auto group : {&Run::stackOps, &Run::numberOps, &Run::textOps, &Run::containerOps,
                             &Run::dictAndListOps, &Run::memoOps, &Run::objectOps}) {
        if (Step handled = (this->*group)(op)) {
            return *std::move(handled);
        }
    }
    return error("unsupported pickle opcode " + hex(op) +
                 "; files written by torch.save do not use it");
}

Error PickleMachine::Run::error(const std::string& what) const {
    return fail("pickle byte " + std::to_string(m_opPos) + ": " + what);
}

std::string_view PickleMachine::Run::take(std::size_t n) {
    const std::string_view bytes = m_data.substr(m_pos, n);
    m_pos += n;
    return bytes;
}

// A MARK hides the values below it: pop and topIs see only what was pushed since.
bool PickleMachine::Run::pop(PickleValue** out) {
    if (m_stack.empty() || (!m_marks.empty() && m_marks.back() == m_stack.size())) {
        return false;
    }
    *out = m_stack.back();
    m_stack.pop_back();
    return true;
}

bool PickleMachine::Run::popMark(std::vector<PickleValue*>* items) {
    if (m_marks.empty()) {
        return false;
    }
    const std::size_t mark = m_marks.back();
    m_marks.pop_back();
    items->assign(m_stack.begin() + static_cast<std::ptrdiff_t>(mark), m_stack.end());
    m_stack.resize(mark);
    return true;
}

bool PickleMachine::Run::topIs(Kind kind) const {
    return !m_stack.empty() && (m_marks.empty() || m_marks.back() < m_stack.size()) &&
           m_stack.back()->kind == kind;
}

bool PickleMachine::Run::pushText(Kind kind, std::uint64_t length) {
    if (!has(length)) {
        return false;
    }
    PickleValue* value = m_machine.make(kind);
    value->text = take(static_cast<std::size_t>(length));
    m_stack.push_back(value);
    return true;
}

void PickleMachine::Run::pushInt(std::int64_t number) {
    PickleValue* value = m_machine.make(Kind::Int);
    value->integer = number;
    m_stack.push_back(value);
}

// LONG1/LONG4 payloads: little-endian two's complement of any length; up to 8 bytes fit an Int.
bool PickleMachine::Run::pushLong(std::uint64_t length) {
    if (!has(length)) {
        return false;
    }
    const std::string_view bytes = take(static_cast<std::size_t>(length));
    if (length > 8) {
        PickleValue* value = m_machine.make(Kind::BigInt);
        value->text = bytes;
        m_stack.push_back(value);
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
}

Status PickleMachine::Run::pushGlobal(std::string name) {
    if (!allowedGlobal(name)) {
        return error("the file asks for the Python global '" + name +
                     "', which has no place in a weight file; it was not run. Only tensors, "
                     "typed storages and OrderedDict are accepted, so this file is either "
                     "not a plain state dict (export model.state_dict() in Python) or "
                     "deliberately hostile");
    }
    PickleValue* value = m_machine.make(Kind::Global);
    value->text = std::move(name);
    m_stack.push_back(value);
    return success();
}

// REDUCE applies an allow-listed global symbolically; nothing is ever called.
Result<PickleValue*> PickleMachine::Run::reduce(PickleValue* callable, PickleValue* args) {
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
        return m_machine.make(Kind::Dict);
    }
    if (callable->text == kRebuildParameter) {
        if (a.size() < 1 || a[0]->kind != Kind::Tensor) {
            return error("_rebuild_parameter without a tensor");
        }
        return a[0];
    }
    if (callable->text == kRebuildTensor) {
        return rebuildTensor(a);
    }
    return error("'" + callable->text + "' cannot be called");
}

Result<PickleValue*> PickleMachine::Run::rebuildTensor(const std::vector<PickleValue*>& a) {
    PickleValue* tensor = m_machine.make(Kind::Tensor);
    if ((a.size() != 6 && a.size() != 7) || a[0]->kind != Kind::Storage ||
        !pickleInt(a[1], &tensor->tensor.storageOffset) || !intTuple(a[2], &tensor->tensor.shape) ||
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

// Protocol and framing opcodes, and those that move values or marks on the stack.
PickleMachine::Run::Step PickleMachine::Run::stackOps(unsigned char op) {
    PickleValue* value = nullptr;
    std::vector<PickleValue*> items;
    switch (op) {
    case 0x80: // PROTO
        if (!has(1)) {
            return error("truncated PROTO");
        }
        if (static_cast<unsigned char>(take(1)[0]) > 5) {
            return error("pickle protocol newer than 5");
        }
        return success();
    case 0x95: // FRAME: framing is transparent to a reader that has the whole buffer
        if (!has(8)) {
            return error("truncated FRAME");
        }
        take(8);
        return success();
    case '(': // MARK
        m_marks.push_back(m_stack.size());
        return success();
    case '0': // POP: the top value, or else a MARK with nothing above it
        if (!m_stack.empty() && (m_marks.empty() || m_marks.back() < m_stack.size())) {
            m_stack.pop_back();
        } else if (!popMark(&items)) {
            return error("POP on an empty stack");
        }
        return success();
    case '1': // POP_MARK
        if (!popMark(&items)) {
            return error("POP_MARK without MARK");
        }
        return success();
    case '2': // DUP
        if (!pop(&value)) {
            return error("DUP on an empty stack");
        }
        m_stack.push_back(value);
        m_stack.push_back(value);
        return success();
    default:
        return std::nullopt;
    }
}

// Integers, floats, booleans and None.
PickleMachine::Run::Step PickleMachine::Run::numberOps(unsigned char op) {
    switch (op) {
    case 'J': // BININT
        if (!has(4)) {
            return error("truncated BININT");
        }
        pushInt(static_cast<std::int32_t>(readLittle<std::uint32_t>(take(4).data())));
        return success();
    case 'K': // BININT1
        if (!has(1)) {
            return error("truncated BININT1");
        }
        pushInt(static_cast<unsigned char>(take(1)[0]));
        return success();
    case 'M': // BININT2
        if (!has(2)) {
            return error("truncated BININT2");
        }
        pushInt(readLittle<std::uint16_t>(take(2).data()));
        return success();
    case 0x8a: // LONG1
        if (!has(1) || !pushLong(static_cast<unsigned char>(take(1)[0]))) {
            return error("truncated LONG1");
        }
        return success();
    case 0x8b: { // LONG4
        if (!has(4)) {
            return error("truncated LONG4");
        }
        const auto length = static_cast<std::int32_t>(readLittle<std::uint32_t>(take(4).data()));
        if (length < 0 || !pushLong(static_cast<std::uint64_t>(length))) {
            return error("malformed LONG4");
        }
        return success();
    }
    case 'G': { // BINFLOAT, big-endian
        if (!has(8)) {
            return error("truncated BINFLOAT");
        }
        std::uint64_t raw = 0;
        for (const char c : take(8)) {
            raw = (raw << 8) | static_cast<unsigned char>(c);
        }
        PickleValue* value = m_machine.make(Kind::Float);
        value->real = std::bit_cast<double>(raw);
        m_stack.push_back(value);
        return success();
    }
    case 0x88: // NEWTRUE
    case 0x89: // NEWFALSE
    {
        PickleValue* value = m_machine.make(Kind::Bool);
        value->integer = op == 0x88 ? 1 : 0;
        m_stack.push_back(value);
        return success();
    }
    case 'N': // NONE
        m_stack.push_back(m_machine.make(Kind::None));
        return success();
    default:
        return std::nullopt;
    }
}

// Strings and bytes, by the width of their length prefix.
PickleMachine::Run::Step PickleMachine::Run::textOps(unsigned char op) {
    bool pushed = false;
    switch (op) {
    case 'X': // BINUNICODE
    case 'T': // BINSTRING (Python 2 str)
    case 'B': // BINBYTES
        pushed = has(4) && pushText(op == 'B' ? Kind::Bytes : Kind::String,
                                    readLittle<std::uint32_t>(take(4).data()));
        break;
    case 0x8c: // SHORT_BINUNICODE
    case 'U':  // SHORT_BINSTRING
    case 'C':  // SHORT_BINBYTES
        pushed = has(1) && pushText(op == 'C' ? Kind::Bytes : Kind::String,
                                    static_cast<unsigned char>(take(1)[0]));
        break;
    case 0x8d: // BINUNICODE8
    case 0x8e: // BINBYTES8
    case 0x96: // BYTEARRAY8
        pushed = has(8) && pushText(op == 0x8d ? Kind::String : Kind::Bytes,
                                    readLittle<std::uint64_t>(take(8).data()));
        break;
    default:
        return std::nullopt;
    }
    if (!pushed) {
        return error("string runs past the end of the data");
    }
    return success();
}

// Building tuples, lists and dicts from the values above a MARK or on top of the stack.
PickleMachine::Run::Step PickleMachine::Run::containerOps(unsigned char op) {
    PickleValue* value = nullptr;
    std::vector<PickleValue*> items;
    switch (op) {
    case '}': // EMPTY_DICT
        m_stack.push_back(m_machine.make(Kind::Dict));
        return success();
    case ']': // EMPTY_LIST
        m_stack.push_back(m_machine.make(Kind::List));
        return success();
    case ')': // EMPTY_TUPLE
        m_stack.push_back(m_machine.make(Kind::Tuple));
        return success();
    case 't': // TUPLE
    case 'l': // LIST
        if (!popMark(&items)) {
            return error("TUPLE/LIST without MARK");
        }
        value = m_machine.make(op == 't' ? Kind::Tuple : Kind::List);
        value->items = std::move(items);
        m_stack.push_back(value);
        return success();
    case 0x85:   // TUPLE1
    case 0x86:   // TUPLE2
    case 0x87: { // TUPLE3
        const std::size_t count = op - 0x84U;
        value = m_machine.make(Kind::Tuple);
        value->items.resize(count);
        for (std::size_t i = count; i-- > 0;) {
            if (!pop(&value->items[i])) {
                return error("TUPLE" + std::to_string(count) + " on a short stack");
            }
        }
        m_stack.push_back(value);
        return success();
    }
    case 'd': // DICT
        if (!popMark(&items) || items.size() % 2 != 0) {
            return error("DICT without MARK or with an odd item count");
        }
        value = m_machine.make(Kind::Dict);
        for (std::size_t i = 0; i < items.size(); i += 2) {
            value->entries.emplace_back(items[i], items[i + 1]);
        }
        m_stack.push_back(value);
        return success();
    default:
        return std::nullopt;
    }
}

// Adding to the dict or list on top of the stack.
PickleMachine::Run::Step PickleMachine::Run::dictAndListOps(unsigned char op) {
    PickleValue* key = nullptr;
    PickleValue* value = nullptr;
    std::vector<PickleValue*> items;
    switch (op) {
    case 's': // SETITEM
        if (!pop(&value) || !pop(&key) || !topIs(Kind::Dict)) {
            return error("SETITEM outside a dict");
        }
        m_stack.back()->entries.emplace_back(key, value);
        return success();
    case 'u': // SETITEMS
        if (!popMark(&items) || items.size() % 2 != 0 || !topIs(Kind::Dict)) {
            return error("SETITEMS outside a dict or with an odd item count");
        }
        for (std::size_t i = 0; i < items.size(); i += 2) {
            m_stack.back()->entries.emplace_back(items[i], items[i + 1]);
        }
        return success();
    case 'a': // APPEND
        if (!pop(&value) || !topIs(Kind::List)) {
            return error("APPEND outside a list");
        }
        m_stack.back()->items.push_back(value);
        return success();
    case 'e': // APPENDS
        if (!popMark(&items) || !topIs(Kind::List)) {
            return error("APPENDS outside a list");
        }
        m_stack.back()->items.insert(m_stack.back()->items.end(), items.begin(), items.end());
        return success();
    default:
        return std::nullopt;
    }
}

// The memo: PUT keys are 1 or 4 bytes wide; MEMOIZE takes the next free index.
PickleMachine::Run::Step PickleMachine::Run::memoOps(unsigned char op) {
    switch (op) {
    case 'q':   // BINPUT
    case 'r': { // LONG_BINPUT
        const std::size_t width = op == 'q' ? 1 : 4;
        if (!has(width) || m_stack.empty()) {
            return error("PUT without a value");
        }
        const std::string_view key = take(width);
        m_memo[width == 1 ? static_cast<unsigned char>(key[0])
                          : readLittle<std::uint32_t>(key.data())] = m_stack.back();
        return success();
    }
    case 0x94: // MEMOIZE
        if (m_stack.empty()) {
            return error("MEMOIZE without a value");
        }
        m_memo[m_memo.size()] = m_stack.back();
        return success();
    case 'h':   // BINGET
    case 'j': { // LONG_BINGET
        const std::size_t width = op == 'h' ? 1 : 4;
        if (!has(width)) {
            return error("truncated GET");
        }
        const std::string_view key = take(width);
        const auto it = m_memo.find(width == 1 ? static_cast<unsigned char>(key[0])
                                               : readLittle<std::uint32_t>(key.data()));
        if (it == m_memo.end()) {
            return error("GET of a memo entry that was never PUT");
        }
        m_stack.push_back(it->second);
        return success();
    }
    default:
        return std::nullopt;
    }
}

// Globals (checked against the allow-list), persistent ids, REDUCE and BUILD.
PickleMachine::Run::Step PickleMachine::Run::objectOps(unsigned char op) {
    PickleValue* a = nullptr;
    PickleValue* b = nullptr;
    switch (op) {
    case 'c': { // GLOBAL: "module\nname\n"
        std::string parts[2];
        for (std::string& part : parts) {
            const std::size_t newline = m_data.find('\n', m_pos);
            if (newline == std::string_view::npos || newline - m_pos > kMaxGlobalLength) {
                return error("malformed GLOBAL");
            }
            part = take(newline - m_pos);
            take(1);
        }
        return pushGlobal(parts[0] + "." + parts[1]);
    }
    case 0x93: // STACK_GLOBAL
        if (!pop(&b) || !pop(&a) || a->kind != Kind::String || b->kind != Kind::String) {
            return error("STACK_GLOBAL without module and name strings");
        }
        return pushGlobal(a->text + "." + b->text);
    case 'Q': { // BINPERSID
        if (!pop(&a)) {
            return error("BINPERSID on an empty stack");
        }
        if (!m_machine.m_persistentLoad) {
            return error("a persistent id where none is expected");
        }
        auto loaded = m_machine.m_persistentLoad(m_machine, *a);
        if (!loaded) {
            return error(loaded.message());
        }
        m_stack.push_back(*loaded);
        return success();
    }
    case 'R': { // REDUCE
        if (!pop(&b) || !pop(&a)) {
            return error("REDUCE on a short stack");
        }
        auto reduced = reduce(a, b);
        if (!reduced) {
            return reduced.error();
        }
        m_stack.push_back(*reduced);
        return success();
    }
    case 'b': // BUILD: sets attributes (an OrderedDict's _metadata); nothing to keep
        if (!pop(&b) || m_stack.empty()) {
            return error("BUILD on a short stack");
        }
        return success();
    default:
        return std::nullopt;
    }
}

Result<PickleValue*> PickleMachine::load(std::string_view data, std::size_t* position) {
    return Run(*this, data, *position).execute(position);
}

} // namespace tstudio::weights::formats
