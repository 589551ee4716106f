#pragma once

// Private to core/export: the Markdown model card written next to an exported file (<file>.md),
// the things a person receiving the weights needs to know.

#include <string>

#include "core/export/model_export.h"
#include "core/training/model_bundle.h"

namespace tstudio::models {
struct BackboneInfo;
}

namespace tstudio::modelexport {

/** Classes, backbone and weights, training data (what the bundle knows of it), settings,
    validation metrics (the best epoch; per class and the confusion matrix of the epoch whose
    weights the bundle holds, when recorded), test result and confusion matrix when present, how
    to load the file, date and version. */
std::string modelCard(const training::BundleInfo& bundle, const models::BackboneInfo& backbone,
                      int inputSize, ExportFormat format, const ExportResult& result);

} // namespace tstudio::modelexport
