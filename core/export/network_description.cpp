#include "core/export/network_description.h"

#include "core/export/architecture_graphs.h"
#include "core/models/registry.h"

namespace tstudio::modelexport {

namespace {

GraphValue hiddenActivation(NetworkGraph& graph, GraphValue x, training::Activation activation) {
    switch (activation) {
    case training::Activation::ReLU:
        return graph.relu(x);
    case training::Activation::GELU:
        return graph.gelu(x);
    case training::Activation::SiLU:
        return graph.silu(x);
    }
    return x;
}

/** The head's pooling: the last block's output to [N, features]. */
GraphValue pool(NetworkGraph& graph, GraphValue features, training::Pooling pooling,
                const ArchitectureGraph& architecture) {
    switch (pooling) {
    case training::Pooling::Neck:
        return architecture.neck(graph, features);
    case training::Pooling::Average:
        return graph.flatten(graph.globalAvgPool(features));
    case training::Pooling::Max:
        return graph.flatten(graph.globalMaxPool(features));
    case training::Pooling::Flatten:
        return graph.flatten(features);
    }
    return features;
}

} // namespace

Status checkGraphExport(const models::BackboneInfo& info, ExportFormat format) {
    if (format == ExportFormat::Pth || format == ExportFormat::Safetensors) {
        return success();
    }
    if (findArchitectureGraph(info) == nullptr) {
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

void describeNetwork(NetworkGraph& graph, const training::TransferNet& net) {
    const ArchitectureGraph* architecture = findArchitectureGraph(net.info());
    if (architecture == nullptr) {
        throw std::invalid_argument("describeNetwork: no description for " + net.info().name);
    }
    GraphValue x = architecture->blocks(graph, graph.input());
    const training::HeadSpec& head = net.headSpec();
    x = pool(graph, x, head.pooling, *architecture);
    // Dropout, in the head and the neck, does nothing in eval mode.
    for (std::size_t i = 0; i < head.hidden.size(); ++i) {
        std::string prefix = "head.hidden.";
        prefix += std::to_string(i);
        x = hiddenActivation(graph, graph.linear(x, prefix), head.hidden[i].activation);
    }
    const std::string finalLayer = graph.has("head.fc.weight") ? "head.fc" : net.info().headPath;
    graph.output(graph.linear(x, finalLayer), net.numClasses());
}

} // namespace tstudio::modelexport
