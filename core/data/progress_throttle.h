#pragma once

#include <chrono>
#include <cstdint>

#include "core/data/scan_control.h"

namespace tstudio::data {

/** Calls a ScanControl's progress at most every 50 ms (and always for the final count). */
class ProgressThrottle {
public:
    explicit ProgressThrottle(const ScanControl& control);

    /** Reports found if 50 ms passed since the last report. */
    void tick(std::int64_t found);
    /** Reports found unconditionally. */
    void finish(std::int64_t found);

private:
    const ScanControl& m_control;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace tstudio::data
