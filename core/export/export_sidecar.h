#pragma once

// Private to core/export: the JSON written next to an exported file (<file>.json), which tells a
// program receiving the weights what they are and how to feed them.

#include <QJsonObject>

#include "core/export/model_export.h"
#include "core/training/model_bundle.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::modelexport {

/** Architecture, head, classes, preprocessing (eval transform), input size, torchvision
    compatibility (strict or not, the constructor call) and the verification's figures. */
QJsonObject exportSidecar(const training::BundleInfo& bundle, const models::BackboneInfo& backbone,
                          int inputSize, ExportFormat format, const ExportResult& result);

} // namespace tstudio::modelexport
