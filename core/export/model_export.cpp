#include "core/export/model_export.h"

#include <cmath>
#include <cstdio>

#include <QJsonDocument>

#include "core/common/atomic_file.h"
#include "core/export/export_sidecar.h"
#include "core/export/export_verification.h"
#include "core/export/graph_export.h"
#include "core/export/model_card.h"
#include "core/export/network_description.h"
#include "core/export/torchvision_layout.h"
#include "core/models/registry.h"
#include "core/weights/state_dict.h"

namespace tstudio::modelexport {

namespace {

std::filesystem::path withSuffix(const std::filesystem::path& path, const char* suffix) {
    std::filesystem::path result = path;
    result += suffix;
    return result;
}

void removeQuietly(const std::filesystem::path& path) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

/** The bundle's network with its trained weights. */
Result<training::TransferNet> openBundle(const std::filesystem::path& bundle,
                                         const training::BundleInfo& info) {
    auto dict = weights::readStateDict(bundle);
    if (!dict) {
        return dict.error();
    }
    training::TrainingConfig config = info.config;
    config.fromScratch = true;
    auto net = training::TransferNet::create(config, static_cast<int>(info.classes.size()));
    if (!net) {
        return net.error();
    }
    if (auto status = net->loadState(*dict); !status) {
        return fail(status.message() +
                    " (the file is damaged or was not written by a training run)");
    }
    return net;
}

Status writeExport(const std::filesystem::path& path, ExportFormat format,
                   const training::TransferNet& net, const TorchvisionLayout& layout,
                   const training::BundleInfo& info) {
    switch (format) {
    case ExportFormat::Pth:
        return weights::writePth(path, layout.dict);
    case ExportFormat::Safetensors:
        return weights::writeSafetensors(path, layout.dict);
    case ExportFormat::TorchScript:
    case ExportFormat::Onnx:
        return writeGraphExport(path, format, net, layout, info);
    }
    return fail("Unknown export format.");
}

/** The written file read back by the reader its format is meant for. */
Result<Verification> verifyWritten(const std::filesystem::path& written, ExportFormat format,
                                   training::TransferNet& net, const training::BundleInfo& info,
                                   const TorchvisionLayout& layout) {
    switch (format) {
    case ExportFormat::TorchScript:
        return verifyTorchScript(written, net);
    case ExportFormat::Onnx:
        return verifyOnnx(written, net);
    case ExportFormat::Pth:
    case ExportFormat::Safetensors:
        break;
    }
    return verifyExport(written, net, info.config, static_cast<int>(info.classes.size()), layout);
}

Status checkOutput(const std::filesystem::path& bundle, const std::filesystem::path& out) {
    std::error_code error;
    if (out.empty() || out.filename().empty()) {
        return fail("Choose a file name to export to.");
    }
    if (std::filesystem::equivalent(bundle, out, error)) {
        return fail("The export would overwrite the model bundle " + bundle.string() +
                    ": choose another file name.");
    }
    const std::filesystem::path folder =
        out.parent_path().empty() ? std::filesystem::path(".") : out.parent_path();
    if (!std::filesystem::is_directory(folder, error)) {
        return fail("Cannot export to " + out.string() + ": the folder " + folder.string() +
                    " does not exist.");
    }
    return success();
}

} // namespace

Result<ExportFormat> parseExportFormat(std::string_view name) {
    if (name == "pth") {
        return ExportFormat::Pth;
    }
    if (name == "safetensors") {
        return ExportFormat::Safetensors;
    }
    if (name == "torchscript") {
        return ExportFormat::TorchScript;
    }
    if (name == "onnx") {
        return ExportFormat::Onnx;
    }
    std::string message = "Unknown export format \"";
    message += name;
    message += "\"; use pth, safetensors, torchscript or onnx.";
    return fail(message);
}

const char* formatName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Pth:
        return "pth";
    case ExportFormat::Safetensors:
        return "safetensors";
    case ExportFormat::TorchScript:
        return "torchscript";
    case ExportFormat::Onnx:
        return "onnx";
    }
    return "";
}

double exportTolerance(ExportFormat format) {
    return format == ExportFormat::Onnx ? kOnnxExportTolerance : kExportTolerance;
}

Status supportsExport(std::string_view arch, ExportFormat format) {
    const models::BackboneInfo* info = models::findBackbone(arch);
    if (info == nullptr) {
        std::string message = "Unknown architecture \"";
        message += arch;
        message += "\".";
        return fail(message);
    }
    return checkGraphExport(*info, format);
}

Result<ExportResult> exportModel(const std::filesystem::path& bundle, ExportFormat format,
                                 const std::filesystem::path& out) {
    auto info = training::readBundleInfo(bundle);
    if (!info) {
        return fail("Cannot export: " + info.message());
    }
    if (auto status = checkOutput(bundle, out); !status) {
        return status.error();
    }
    if (auto supported = supportsExport(info->config.arch, format); !supported) {
        return fail("Cannot export " + bundle.string() + ": " + supported.message());
    }
    auto net = openBundle(bundle, *info);
    if (!net) {
        return fail("Cannot export " + bundle.string() + ": " + net.message());
    }
    const models::BackboneInfo& backbone = net->info();
    const int numClasses = static_cast<int>(info->classes.size());
    const TorchvisionLayout layout = torchvisionLayout(*net, numClasses);

    // Written beside the target and verified there, then renamed: a failed export leaves the
    // old file (or none) at out, never one that gives other answers.
    const std::filesystem::path staging = withSuffix(out, ".partial");
    if (auto status = writeExport(staging, format, *net, layout, *info); !status) {
        removeQuietly(staging);
        return status.error();
    }
    auto verification = verifyWritten(staging, format, *net, *info, layout);
    if (!verification) {
        removeQuietly(staging);
        return fail("The export of " + bundle.string() +
                    " failed its check, so nothing was "
                    "written: " +
                    verification.message());
    }
    // NaN compares false: a network that reads back as NaN fails too.
    const double allowed = format == ExportFormat::Onnx
                               ? exportTolerance(format) * verification->logitScale
                               : exportTolerance(format);
    if (!(verification->maxAbsDifference <= allowed)) {
        removeQuietly(staging);
        char figure[96];
        std::snprintf(figure, sizeof figure, "(largest difference %.3g, allowed %.3g)",
                      verification->maxAbsDifference, allowed);
        return fail(std::string("The exported file read back gives other logits than the model ") +
                    figure + ", so nothing was written.");
    }
    std::error_code renameError;
    std::filesystem::rename(staging, out, renameError);
    if (renameError) {
        removeQuietly(staging);
        return fail("Cannot write " + out.string() + ": " + renameError.message() + ".");
    }

    ExportResult result;
    result.weightsFile = out;
    result.sidecarFile = withSuffix(out, ".json");
    result.cardFile = withSuffix(out, ".md");
    result.maxAbsDifference = verification->maxAbsDifference;
    result.allowedDifference = allowed;
    result.verifiedInputs = verification->inputs;
    result.torchvision = layout.compatibility;

    const QByteArray sidecar =
        QJsonDocument(exportSidecar(*info, backbone, net->inputSize(), format, result))
            .toJson(QJsonDocument::Indented);
    Status written = writeFileAtomically(
        result.sidecarFile,
        std::string_view(sidecar.constData(), static_cast<std::size_t>(sidecar.size())));
    if (written) {
        written = writeFileAtomically(result.cardFile,
                                      modelCard(*info, backbone, net->inputSize(), format, result));
    }
    if (!written) {
        // The three files belong together: weights without their description are not an export.
        removeQuietly(out);
        removeQuietly(result.sidecarFile);
        return written.error();
    }
    return result;
}

} // namespace tstudio::modelexport
