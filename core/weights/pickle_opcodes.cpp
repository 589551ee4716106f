#include "core/weights/pickle_machine_run.h"

#include <bit>

#include "core/weights/byte_reader.h"

// The opcode groups of the restricted unpickler (see pickle_machine_run.h).

namespace tstudio::weights::formats {

namespace {

using Kind = PickleValue::Kind;

constexpr std::size_t kMaxGlobalLength = 256;

} // namespace

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

} // namespace tstudio::weights::formats
