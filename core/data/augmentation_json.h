#pragma once

// Public, Qt-Core-only: AugmentationConfig as JSON (inside a training configuration, a bundle
// or a checkpoint).

#include <QJsonObject>

#include "core/data/augmentation.h"

namespace tstudio::data {

/** config as an object with torchvision's names (crop, colorJitter, erasing, ...). Any thread. */
QJsonObject augmentationToJson(const AugmentationConfig& config);

/**
 * The configuration json describes; a key that is absent (a file from an older version) keeps
 * its default. Never fails. Any thread.
 */
AugmentationConfig augmentationFromJson(const QJsonObject& json);

} // namespace tstudio::data
