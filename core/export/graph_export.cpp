#include "core/export/graph_export.h"

#include <cstdio>

#include <QJsonArray>
#include <QJsonDocument>

#include "core/common/atomic_file.h"
#include "core/export/network_description.h"
#include "core/export/onnx_graph.h"
#include "core/graph/torchscript_graph.h"
#include "core/models/registry.h"
#include "core/training/transfer_net_graph.h"

namespace tstudio::modelexport {

using graph::ScriptMetadata;
using graph::TorchScriptGraph;

namespace {

std::string jsonNumbers(const std::array<float, 3>& values) {
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        char number[32];
        std::snprintf(number, sizeof number, "%.9g", static_cast<double>(values[i]));
        if (i > 0) {
            text += ", ";
        }
        text += number;
    }
    text += "]";
    return text;
}

std::string jsonStrings(const std::vector<std::string>& values) {
    QJsonArray array;
    for (const std::string& value : values) {
        array.append(QString::fromStdString(value));
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

Status writeTorchScript(const std::filesystem::path& path, const training::TransferNet& net,
                        const TorchvisionLayout& layout, const training::BundleInfo& bundle) {
    TorchScriptGraph graph(layout.dict, net.inputSize());
    training::describeTransferNet(graph, net);
    ScriptMetadata metadata;
    metadata.classes = bundle.classes;
    metadata.inputSize = net.inputSize();
    for (int c = 0; c < 3; ++c) {
        metadata.mean.push_back(bundle.preprocessing.mean[static_cast<std::size_t>(c)]);
        metadata.std.push_back(bundle.preprocessing.std[static_cast<std::size_t>(c)]);
    }
    torch::jit::Module module = graph.build(metadata);
    module.save(path.string());
    return success();
}

Status writeOnnx(const std::filesystem::path& path, const training::TransferNet& net,
                 const TorchvisionLayout& layout, const training::BundleInfo& bundle) {
    OnnxGraph graph(layout.dict, net.inputSize());
    training::describeTransferNet(graph, net);
    const imaging::EvalTransform& preprocessing = bundle.preprocessing;
    const std::string bytes = graph.serialize({
        {"classes", jsonStrings(bundle.classes)},
        {"architecture", net.info().name},
        {"input_size", std::to_string(net.inputSize())},
        {"resize_short_side", std::to_string(preprocessing.resizeShortSide)},
        {"mean", jsonNumbers(preprocessing.mean)},
        {"std", jsonNumbers(preprocessing.std)},
        {"input_layout", "NCHW RGB float32, (x / 255 - mean) / std"},
    });
    return writeFileAtomically(path, bytes);
}

} // namespace

Status writeGraphExport(const std::filesystem::path& path, ExportFormat format,
                        const training::TransferNet& net, const TorchvisionLayout& layout,
                        const training::BundleInfo& bundle) {
    try {
        return format == ExportFormat::Onnx ? writeOnnx(path, net, layout, bundle)
                                            : writeTorchScript(path, net, layout, bundle);
    } catch (const std::exception& error) {
        // c10::Error is a std::exception; its what() carries a backtrace after the first line.
        std::string message = "Cannot write the ";
        message += formatName(format);
        message += " graph: ";
        const std::string what = error.what();
        message += what.substr(0, what.find('\n'));
        return fail(message);
    }
}

} // namespace tstudio::modelexport
