#pragma once

#include <cstdint>
#include <string_view>

#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * Builds torchvision's vgg16, vgg16_bn or vgg19 with torchvision's random initialisation and a
 * head of numClasses outputs. State-dict keys equal torchvision's (`features.N`, `classifier.N`).
 * Blocks "block1".."block5" are the conv stages, each ending with its max pool; the neck is the
 * 7x7 adaptive average pool, flatten and classifier.0..5; head "classifier.6". Any thread.
 * Throws std::invalid_argument for any other name (createBackbone checks names first).
 */
Backbone makeVgg(std::string_view name, int64_t numClasses);

} // namespace tstudio::models
