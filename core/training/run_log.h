#pragma once

// Private to core/training: the run's log lines, to the observer and to outDir/run.log, and the
// number formats they use.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/training/spec_text.h"
#include "core/training/training_events.h"

namespace tstudio::training {

/** Observer lines, also appended to a file (when one is given) with a UTC time stamp. */
class RunLog {
public:
    RunLog(TrainingObserver& observer, const std::filesystem::path& file);
    void operator()(const std::string& line);

private:
    TrainingObserver& m_observer;
    std::ofstream m_file;
};

/** "12.5 MB" */
std::string formatMegabytes(std::int64_t bytes);

/** A number as the log writes it: up to 4 significant digits ("0.001", "93.75"). */
inline std::string formatNumber(double value) {
    return formatNumber(value, 4);
}

} // namespace tstudio::training
