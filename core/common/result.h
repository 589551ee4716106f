#pragma once

#include <string>
#include <utility>
#include <variant>

namespace tstudio {

/**
 * What kind of failure an Error is, for those a window explains in the person's language before
 * core's own (English) words: the message says which file or figure, the kind says what it means.
 */
enum class ErrorKind {
    General,           ///< anything else; the message stands alone
    BadWeights,        ///< a weight file that cannot be read or does not fit the network
    Dataset,           ///< data that cannot be trained on as it is (too few images, no classes)
    NotFinite,         ///< the loss became NaN or infinite
    OutOfMemory,       ///< the device or the computer ran out of memory
    DeviceUnavailable, ///< the chosen device (a CUDA GPU) is not there
};

/** An expected failure: what went wrong, where, and what to do about it, in one sentence or two. */
struct Error {
    std::string message;
    ErrorKind kind = ErrorKind::General;
};

/**
 * The outcome of an operation that can fail for reasons outside the program's control (a bad
 * file, a missing folder). Holds either a value or an Error; never throws on its own.
 */
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_state); }
    const std::string& message() const { return error().message; }
    ErrorKind errorKind() const { return error().kind; }

private:
    std::variant<T, Error> m_state;
};

/** Result of an operation with no value. */
struct Done {};
using Status = Result<Done>;

inline Status success() {
    return Done{};
}
inline Error fail(std::string message) {
    return Error{std::move(message)};
}
inline Error fail(ErrorKind kind, std::string message) {
    return Error{std::move(message), kind};
}

} // namespace tstudio
