#include "core/distributed/process_group.h"

#include <csignal>
#include <cstdlib>

#include "core/distributed/process_group_impl.h"

namespace tstudio::distributed {

namespace {

std::string firstLine(const std::exception& e) {
    const auto* c10 = dynamic_cast<const c10::Error*>(&e);
    const std::string text = c10 != nullptr ? c10->what_without_backtrace() : e.what();
    return text.substr(0, text.find('\n'));
}

/** Where Gloo listens for its peers: GLOO_SOCKET_IFNAME as in PyTorch, loopback for a run on one
    machine, else the address this machine's host name resolves to. */
std::shared_ptr<::gloo::transport::Device> glooDevice(const ProcessGroupConfig& config) {
    if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME")) {
        return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
    }
    const std::string& addr = config.masterAddr;
    if (addr == "localhost" || addr.rfind("127.", 0) == 0 || addr == "::1") {
        return c10d::ProcessGroupGloo::createDeviceForHostname(addr);
    }
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

std::string seconds(std::chrono::milliseconds timeout) {
    return std::to_string((timeout.count() + 999) / 1000) + " s";
}

} // namespace

ProcessGroup::ProcessGroup(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

ProcessGroup::~ProcessGroup() = default;

const ProcessGroupConfig& ProcessGroup::config() const {
    return m_impl->config;
}

Result<std::unique_ptr<ProcessGroup>> ProcessGroup::join(const ProcessGroupConfig& config) {
    if (auto status = validate(config); !status) {
        return status.error();
    }
    // Gloo writes to its peers' sockets; a peer that died must make the write fail (an error we
    // report), not raise SIGPIPE, whose default action ends this process without a word.
    std::signal(SIGPIPE, SIG_IGN);
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    const std::string where = config.masterAddr + ":" + std::to_string(config.masterPort);
    try {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<std::uint16_t>(config.masterPort);
        storeOptions.isServer = config.rank == 0;
        storeOptions.numWorkers = static_cast<std::size_t>(config.worldSize);
        storeOptions.waitWorkers = true;
        storeOptions.timeout = config.timeout;
        impl->store = c10::make_intrusive<c10d::TCPStore>(config.masterAddr, storeOptions);
    } catch (const std::exception& e) {
        return fail(
            "Data-parallel rendezvous failed for " + describe(config) + ": " + firstLine(e) + ". " +
            (config.rank == 0
                 ? "Rank 0 serves the rendezvous: is port " + std::to_string(config.masterPort) +
                       " free on this machine, and did all " + std::to_string(config.worldSize) +
                       " processes start within " + seconds(config.timeout) + "?"
                 : "Is rank 0 running and reachable at " + where + "?"));
    }
    try {
        auto options = c10d::ProcessGroupGloo::Options::create(config.timeout);
        options->devices.push_back(glooDevice(config));
        impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(impl->store, config.rank,
                                                                  config.worldSize, options);
    } catch (const std::exception& e) {
        return fail("Data-parallel rendezvous at " + where + " failed: not all " +
                    std::to_string(config.worldSize) + " processes arrived within " +
                    seconds(config.timeout) + " (" + firstLine(e) +
                    "). Start every rank with the same world size, master address and port.");
    }
    return std::unique_ptr<ProcessGroup>(new ProcessGroup(std::move(impl)));
}

} // namespace tstudio::distributed
