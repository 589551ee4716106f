#pragma once

// Private to core/training: what an exception escaping a run becomes — out of memory with
// advice, anything else with torch's first line.

#include <new>
#include <string>

#include <torch/torch.h>

#include "core/common/result.h"
#include "core/training/training_config.h"

namespace tstudio::training {

std::string exceptionMessage(const std::exception& e);
bool isOutOfMemory(const std::string& message);
Error outOfMemory(const TrainingConfig& config, const std::string& detail);

/** body(), with exceptions turned into failures that say what to do. */
template <typename T, typename Body>
Result<T> guardedRun(const TrainingConfig& config, Body&& body) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return outOfMemory(config, "");
    } catch (const std::exception& e) {
        const std::string message = exceptionMessage(e);
        const std::string firstLine = message.substr(0, message.find('\n'));
        if (isOutOfMemory(message)) {
            return outOfMemory(config, firstLine);
        }
        return fail("Training failed: " + firstLine);
    }
}

} // namespace tstudio::training
