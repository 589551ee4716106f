#include "core/export/network_description.h"

#include "core/graph/backbone_graph.h"
#include "core/models/registry.h"

namespace tstudio::modelexport {

Status checkGraphExport(const models::BackboneInfo& info, ExportFormat format) {
    if (format == ExportFormat::Pth || format == ExportFormat::Safetensors) {
        return success();
    }
    if (!graph::hasGraph(info)) {
        std::string message = "Export to ";
        message += formatName(format);
        message += " is not supported yet for ";
        message += info.displayName;
        message += " (";
        message += info.name;
        message += "); it is written for ResNet, VGG, MobileNetV2, MobileNetV3, EfficientNet, "
                   "DenseNet, ConvNeXt and Inception v3. Export this model as pth or safetensors.";
        return fail(message);
    }
    return success();
}

} // namespace tstudio::modelexport
