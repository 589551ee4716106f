#pragma once

#include <cstdint>

#include "core/models/backbone.h"

namespace tstudio::models {

/**
 * Builds torchvision's Inception3 as inception_v3 sets it up for the official weights
 * (aux_logits=True, transform_input=True), with torchvision's random initialisation and heads of
 * numClasses outputs. The AuxLogits branch is registered (its keys are in the state dict, and it
 * belongs to block "Mixed_6e") but forward() never runs it: eval semantics. Blocks: "stem"
 * (input transform, Conv2d_1a_3x3 .. Conv2d_4a_3x3 with both max pools), "Mixed_5b" ..
 * "Mixed_7c"; neck: global average pool, dropout, flatten; head "fc". Needs inputs of at least
 * 75x75. Any thread.
 */
Backbone makeInceptionV3(int64_t numClasses);

} // namespace tstudio::models
