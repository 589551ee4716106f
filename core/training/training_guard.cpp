#include "core/training/training_guard.h"

#include "core/training/training_messages.h"

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
    std::vector<std::string> args{config.device, std::to_string(config.batchSize),
                                  std::to_string(config.inputSize)};
    if (detail.empty()) {
        return fail(ErrorKind::OutOfMemory, fillMessage(text::kOutOfMemory, args));
    }
    args.push_back(detail);
    return fail(ErrorKind::OutOfMemory, fillMessage(text::kOutOfMemoryDetail, args));
}

} // namespace tstudio::training
