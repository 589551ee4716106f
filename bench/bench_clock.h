#pragma once

// What every benchmark times and prints with: a steady clock, JSON keys, and the load average
// (the figures depend on what else the machine runs, so each benchmark reports it).

#include <chrono>
#include <fstream>
#include <string>

#include <QString>

namespace tstudio::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/** A JSON key from a literal (QString(const char*) is off: QT_NO_CAST_FROM_ASCII). */
inline QString key(const char* name) {
    return QString::fromLatin1(name);
}

/** /proc/loadavg's 1-, 5- and 15-minute figures, "1.02 0.87 0.65". */
inline std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

} // namespace tstudio::bench
