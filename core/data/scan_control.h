#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

namespace tstudio::data {

/**
 * How a long scan reports and stops. progress is called from the scanning thread at most every
 * few milliseconds with the number of items found so far; cancel, when set, is polled for every
 * item. Both are optional.
 */
struct ScanControl {
    std::function<void(std::int64_t found)> progress;
    const std::atomic_bool* cancel = nullptr;

    bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
};

/** The message of the Error a scan returns when it was cancelled. */
inline constexpr const char* kCancelledMessage = "cancelled";

} // namespace tstudio::data
