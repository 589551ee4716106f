#include "core/weights/pickle_machine.h"

#include <array>

#include "core/weights/pickle_machine_run.h"

namespace tstudio::weights::formats {

namespace {

using Kind = PickleValue::Kind;

// Weight files need a few objects per tensor; a cap keeps a hostile pickle of one-byte opcodes
// from turning a file into gigabytes of values.
constexpr std::size_t kMaxValues = 1'000'000;

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

Result<PickleValue*> PickleMachine::load(std::string_view data, std::size_t* position) {
    return Run(*this, data, *position).execute(position);
}

} // namespace tstudio::weights::formats
