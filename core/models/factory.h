#pragma once

#include <cstdint>
#include <string_view>

#include "core/common/result.h"
#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * Builds the named backbone with torchvision's default (random) initialisation, drawn from seed
 * alone (torch's global generator is left as it was: see SeededRandomScope), and a head of
 * numClasses outputs. Any thread. Fails for an unknown name (the message lists known ones).
 */
Result<Backbone> createBackbone(std::string_view name, int64_t numClasses = 1000,
                                std::uint64_t seed = 0);

} // namespace tstudio::models
