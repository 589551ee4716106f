#include "core/data/augmentation_preset.h"

namespace tstudio::data {

const char* toString(AugmentationPreset preset) {
    switch (preset) {
    case AugmentationPreset::None:
        return "none";
    case AugmentationPreset::Light:
        return "light";
    case AugmentationPreset::Standard:
        return "standard";
    case AugmentationPreset::Strong:
        return "strong";
    }
    return "none";
}

std::optional<AugmentationPreset> augmentationPresetFromString(std::string_view name) {
    for (auto preset : {AugmentationPreset::None, AugmentationPreset::Light,
                        AugmentationPreset::Standard, AugmentationPreset::Strong}) {
        if (name == toString(preset)) {
            return preset;
        }
    }
    return std::nullopt;
}

AugmentationConfig augmentationFor(AugmentationPreset preset) {
    AugmentationConfig config; // defaults: crop + horizontal flip, the rest off
    if (preset == AugmentationPreset::None) {
        config.crop.enabled = false;
        config.horizontalFlip = 0.0f;
        return config;
    }
    if (preset == AugmentationPreset::Standard || preset == AugmentationPreset::Strong) {
        // Jitter on most images, not all: some originals keep the colours seen at test time.
        config.colorJitter.probability = 0.8f;
    }
    if (preset == AugmentationPreset::Strong) {
        config.rotation.probability = 0.5f;
        config.rotation.degrees = 15.0f;
        config.erasing.probability = 0.25f;
    }
    return config;
}

} // namespace tstudio::data
