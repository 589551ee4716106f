#pragma once

#include <string>
#include <vector>

namespace tstudio::inference {

/**
 * The 1000 ImageNet-1k class names in torchvision's order (index i is logit i), as torchvision
 * ships them in its weights' meta["categories"] ("tench", ..., "toilet tissue"). Embedded in the
 * library at build time from resources/imagenet_classes.txt. Any thread.
 */
const std::vector<std::string>& imagenetClassNames();

} // namespace tstudio::inference
