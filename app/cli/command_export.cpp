// tstudio export: a trained bundle as a file other tools load (a torchvision state dict in .pth
// or .safetensors, a TorchScript module, an ONNX model), verified against the bundle's logits,
// with a sidecar JSON and a model card.

#include <cstdio>

#include <QJsonArray>
#include <QJsonObject>

#include "arg_parser.h"
#include "commands.h"
#include "core/export/model_export.h"
#include "core/training/model_bundle.h"
#include "exit_codes.h"
#include "json_output.h"

namespace tstudio::cli {

int runModelExport(const std::vector<std::string>& args) {
    ArgParser parser(
        "tstudio export --model BUNDLE --format pth|safetensors|torchscript|onnx --out FILE "
        "[--json]",
        "Exports a trained model bundle (.tsmodel from `tstudio train`) in one of four\n"
        "formats, verified before success is reported:\n"
        "  pth, safetensors  the whole network as a plain dict of tensors with torchvision's\n"
        "                    key names, read back into a fresh network and compared within\n"
        "                    1e-4. With the default head the .pth loads strictly into\n"
        "                    torchvision's own model, e.g.\n"
        "    torchvision.models.resnet18(num_classes=K).load_state_dict(torch.load(FILE))\n"
        "  torchscript       a module that torch.jit.load runs (attributes classes,\n"
        "                    input_size, mean, std), verified with LibTorch's torch::jit::load\n"
        "                    within 1e-4.\n"
        "  onnx              an opset-17 model with a dynamic batch axis and the classes and\n"
        "                    preprocessing in its metadata, verified with OpenCV's DNN module\n"
        "                    within 1e-3 of the logits' scale.\n"
        "Beside FILE it writes FILE.json (architecture, head, classes, preprocessing, the\n"
        "torchvision constructor call) and FILE.md (a model card). A file that does not give\n"
        "the bundle's logits fails the export and leaves nothing behind. Every backbone of the\n"
        "zoo (tstudio models) is written in all four formats.");
    parser.addOption("model", "BUNDLE", "The .tsmodel file (required).");
    parser.addOption("format", "pth|safetensors|torchscript|onnx", "The file format (required).");
    parser.addOption("out", "FILE", "Where to write the weights (required).");
    parser.addFlag("json", "One JSON object: format, files, maxAbsDifference; for pth and\n"
                           "safetensors also whether it loads strictly into torchvision.");
    parser.setEpilogue(exitCodesHelp());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio export: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    if (parser.value("model").empty() || parser.value("format").empty() ||
        parser.value("out").empty() || !parser.positional().empty()) {
        std::fprintf(stderr, "tstudio export: give --model BUNDLE, --format "
                             "pth|safetensors|torchscript|onnx and --out FILE (see --help)\n");
        return kExitUsage;
    }
    auto format = modelexport::parseExportFormat(parser.value("format"));
    if (!format) {
        std::fprintf(stderr, "tstudio export: %s\n", format.message().c_str());
        return kExitUsage;
    }
    // A file that is not a bundle is the model's problem (exit 3), not the output's.
    auto info = training::readBundleInfo(parser.value("model"));
    if (!info) {
        std::fprintf(stderr, "tstudio export: %s\n", info.message().c_str());
        return kExitModelUnavailable;
    }
    // A format the model's architecture cannot be written in is a choice to change, like an
    // unknown format.
    if (auto supported = modelexport::supportsExport(info->config.arch, *format); !supported) {
        std::fprintf(stderr, "tstudio export: %s\n", supported.message().c_str());
        return kExitUsage;
    }
    auto result = modelexport::exportModel(parser.value("model"), *format, parser.value("out"));
    if (!result) {
        std::fprintf(stderr, "tstudio export: %s\n", result.message().c_str());
        return kExitOutputFailed;
    }
    if (parser.isSet("json")) {
        const auto text = [](const std::filesystem::path& path) {
            return QString::fromStdString(path.string());
        };
        QJsonObject json{
            {QStringLiteral("files"),
             QJsonArray{text(result->weightsFile), text(result->sidecarFile),
                        text(result->cardFile)}},
            {QStringLiteral("maxAbsDifference"), result->maxAbsDifference},
            {QStringLiteral("allowedDifference"), result->allowedDifference},
            {QStringLiteral("inputs"), result->verifiedInputs},
            {QStringLiteral("format"), QString::fromLatin1(modelexport::formatName(*format))}};
        // Torchvision's constructor takes a state dict: a graph format is loaded on its own, so
        // saying whether it "loads strictly" into torchvision would mislead.
        const bool stateDict = *format == modelexport::ExportFormat::Pth ||
                               *format == modelexport::ExportFormat::Safetensors;
        if (stateDict) {
            json.insert(QStringLiteral("loadsStrictlyIntoTorchvision"),
                        result->torchvision.loadsStrictly);
            json.insert(QStringLiteral("constructor"),
                        QString::fromStdString(result->torchvision.constructor));
            if (!result->torchvision.note.empty()) {
                json.insert(QStringLiteral("note"),
                            QString::fromStdString(result->torchvision.note));
            }
        }
        printJsonLine(json);
        return kExitOk;
    }
    std::printf("Verified: the file read back gives the model's logits within %.3g "
                "(largest absolute difference over %d inputs).\n",
                result->maxAbsDifference, result->verifiedInputs);
    if (*format == modelexport::ExportFormat::TorchScript) {
        std::printf("Loads with torch.jit.load(\"%s\") (Python) or torch::jit::load (C++).\n",
                    result->weightsFile.filename().string().c_str());
    } else if (*format == modelexport::ExportFormat::Onnx) {
        std::printf("Runs with cv2.dnn.readNetFromONNX(\"%s\") or any ONNX runtime (opset 17).\n",
                    result->weightsFile.filename().string().c_str());
    } else if (result->torchvision.loadsStrictly) {
        std::printf("Loads strictly into torchvision: model = %s\n",
                    result->torchvision.constructor.c_str());
    } else {
        std::printf("%s\n", result->torchvision.note.c_str());
    }
    std::printf("Wrote:\n  %s\n  %s\n  %s\n", result->weightsFile.string().c_str(),
                result->sidecarFile.string().c_str(), result->cardFile.string().c_str());
    return kExitOk;
}

} // namespace tstudio::cli
