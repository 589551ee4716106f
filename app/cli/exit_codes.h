#pragma once

#include <string>

namespace tstudio::cli {

/** Exit statuses of every tstudio command (listed in each command's --help). */
enum ExitCode : int {
    kExitOk = 0,
    kExitSomeInputsFailed = 1, ///< some images could not be read; the others were processed
    kExitUsage = 2,            ///< bad command line
    kExitModelUnavailable = 3, ///< unknown architecture, no or wrong weights, device unavailable
    kExitOutputFailed = 4,     ///< an output file could not be written
    kExitRunFailed = 5,        ///< training or evaluation failed (NaN loss, out of memory, ...)
    kExitInterrupted = 130,    ///< stopped by Ctrl+C (128 + SIGINT), after a clean stop
};

/** The "Exit status:" paragraph for --help. */
inline std::string exitCodesHelp() {
    return "Exit status:\n"
           "  0  success\n"
           "  1  some images could not be read (each named on stderr); the others were processed\n"
           "  2  bad command line\n"
           "  3  the model could not be prepared (unknown architecture, missing or wrong weights,\n"
           "     device not available)\n"
           "  4  an output file could not be written\n"
           "  5  the training or evaluation run failed (the message says why)\n"
           "  130  stopped by Ctrl+C (train: after a clean stop, the bundle written)\n";
}

} // namespace tstudio::cli
