#pragma once

// Public, torch-free: a port for a rendezvous on this machine.

#include "core/common/result.h"

namespace tstudio::distributed {

/**
 * A TCP port that is free on this machine right now (the kernel's pick for port 0), for a
 * single-machine run's rendezvous, as torchrun --standalone does. Another program may take it
 * before rank 0 binds it; the rendezvous then fails with a message. Any thread.
 */
Result<int> freeLocalPort();

} // namespace tstudio::distributed
