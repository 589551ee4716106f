#pragma once

#include <cstdint>
#include <string_view>

#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * Builds torchvision's densenet121 with torchvision's random initialisation and a head of
 * numClasses outputs. State-dict keys equal torchvision's (`features.denseblock1.denselayer1.
 * norm1.weight`, `classifier.weight`). Blocks: "stem" (features.conv0, norm0, relu0, pool0), then
 * each features.denseblockN / features.transitionN; the last block also covers features.norm5.
 * Neck: ReLU, global average pool, flatten; head "classifier". Any thread. Throws
 * std::invalid_argument for any other name (createBackbone checks names first).
 */
Backbone makeDenseNet(std::string_view name, int64_t numClasses);

} // namespace tstudio::models
