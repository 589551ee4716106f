#pragma once

#include <cstdint>
#include <string_view>

#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * Builds torchvision's resnet18, resnet34, resnet50 or resnet101 (v1.5: the stride sits on the
 * 3x3 conv) with torchvision's random initialisation and a head of numClasses outputs. State-dict
 * keys equal torchvision's. Blocks: "stem" (conv1, bn1, relu, maxpool), "layer1".."layer4";
 * head "fc". Any thread. Throws std::invalid_argument for any other name (createBackbone checks
 * names first, so that is a programmer error).
 */
Backbone makeResNet(std::string_view name, int64_t numClasses);

} // namespace tstudio::models
