#pragma once

#include <QString>

namespace tstudio::ui {

/** seconds as a person reads a run's length: "42 s", "3 min 07 s", "1 h 05 min"; "–" for a
    negative or non-finite value. */
QString formatDuration(double seconds);

} // namespace tstudio::ui
