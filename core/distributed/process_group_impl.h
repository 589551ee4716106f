#pragma once

// Private to core/distributed: the c10d objects behind ProcessGroup (needs -DUSE_C10D_GLOO and
// the Gloo headers).

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include "core/distributed/process_group.h"

namespace tstudio::distributed {

struct ProcessGroup::Impl {
    ProcessGroupConfig config;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

} // namespace tstudio::distributed
