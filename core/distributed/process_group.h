#pragma once

// Public, torch-free: membership in a data-parallel run. The collectives that move tensors are in
// collectives.h (private to core); c10d and Gloo stay inside core/distributed's .cpp files.

#include <memory>

#include "core/common/result.h"
#include "core/distributed/process_group_config.h"

namespace tstudio::distributed {

/**
 * This process's membership in a group of worldSize processes that average gradients: a
 * c10d::TCPStore rendezvous (rank 0 serves it) and a Gloo process group over TCP. Every rank must
 * call the same collectives in the same order. Not copyable; destroy it to leave the group.
 */
class ProcessGroup {
public:
    /**
     * Joins the group config describes. Blocks until all worldSize processes have arrived; fails
     * with a message naming the address and timeout when they do not within config.timeout, when
     * the address does not resolve or the port is taken. Ignores SIGPIPE for the process, so a
     * peer that dies makes the next collective fail with a message instead of killing this one.
     * Any thread; one group per call.
     */
    static Result<std::unique_ptr<ProcessGroup>> join(const ProcessGroupConfig& config);

    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    const ProcessGroupConfig& config() const;
    int rank() const { return config().rank; }
    int worldSize() const { return config().worldSize; }
    bool isMain() const { return config().isMain(); }

    /** The c10d objects; defined in process_group_impl.h, for core/distributed's sources. */
    struct Impl;
    Impl& impl() { return *m_impl; }

private:
    explicit ProcessGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tstudio::distributed
