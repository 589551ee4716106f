#pragma once

// Private to the pickle VM (pickle_machine.cpp, pickle_opcodes.cpp): the state of one load().

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/common/result.h"
#include "core/weights/pickle_machine.h"

namespace tstudio::weights::formats {

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
    bool topIs(PickleValue::Kind kind) const;
    bool pushText(PickleValue::Kind kind, std::uint64_t length);
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

} // namespace tstudio::weights::formats
