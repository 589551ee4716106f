#pragma once

// Private to core/training: the run's log lines, to the observer and to outDir/run.log, and the
// number formats they use.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

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

/** A number with up to digits significant digits, as a person reads it ("0.001", "93.75"). */
std::string formatNumber(double value, int digits = 4);

} // namespace tstudio::training
