#include "core/training/training_guard.h"

namespace tstudio::training {

std::string exceptionMessage(const std::exception& e) {
    if (const auto* c10 = dynamic_cast<const c10::Error*>(&e)) {
        return c10->what_without_backtrace();
    }
    return e.what();
}

bool isOutOfMemory(const std::string& message) {
    return message.find("out of memory") != std::string::npos ||
           message.find("std::bad_alloc") != std::string::npos ||
           message.find("DefaultCPUAllocator: can't allocate") != std::string::npos;
}

Error outOfMemory(const TrainingConfig& config, const std::string& detail) {
    return fail(ErrorKind::OutOfMemory, "Out of memory on " + config.device + " with batch size " +
                                            std::to_string(config.batchSize) + " at input size " +
                                            std::to_string(config.inputSize) +
                                            ": use a smaller batch size or input size" +
                                            (detail.empty() ? "." : " (" + detail + ")."));
}

} // namespace tstudio::training
