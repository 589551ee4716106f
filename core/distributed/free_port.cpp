#include "core/distributed/free_port.h"

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tstudio::distributed {

Result<int> freeLocalPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return fail(std::string("Cannot open a socket to find a free port: ") +
                    std::strerror(errno) + ".");
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    const bool found = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                       ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    const int error = errno;
    ::close(fd);
    if (!found) {
        return fail(std::string("Cannot find a free port on this machine: ") +
                    std::strerror(error) + ". Give one with --master-port.");
    }
    return static_cast<int>(ntohs(address.sin_port));
}

} // namespace tstudio::distributed
