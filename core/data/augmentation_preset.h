#pragma once

#include <optional>
#include <string_view>

#include "core/data/augmentation.h"

namespace tstudio::data {

/**
 * Named starting points for training augmentation, shared by `tstudio train --augment` and the
 * GUI: none; light = random resized crop + horizontal flip (torchvision's transfer-learning
 * tutorial); standard = light + color jitter; strong = standard + rotation and random erasing.
 */
enum class AugmentationPreset { None, Light, Standard, Strong };

/** "none", "light", "standard", "strong". */
const char* toString(AugmentationPreset preset);
std::optional<AugmentationPreset> augmentationPresetFromString(std::string_view name);

/**
 * The preset's settings; None gives every step off (crop included), so a caller that still
 * augments gets the image back unchanged. Plain value, any thread.
 */
AugmentationConfig augmentationFor(AugmentationPreset preset);

} // namespace tstudio::data
