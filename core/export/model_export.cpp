#include "core/export/model_export.h"

#include <cmath>
#include <cstdio>

#include <QJsonDocument>

#include "core/common/atomic_file.h"
#include "core/export/export_sidecar.h"
#include "core/export/export_verification.h"
#include "core/export/model_card.h"
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

Status writeWeights(const std::filesystem::path& path, ExportFormat format,
                    const weights::StateDict& dict) {
    return format == ExportFormat::Pth ? weights::writePth(path, dict)
                                       : weights::writeSafetensors(path, dict);
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
    if (name == "onnx" || name == "torchscript") {
        std::string message = "Export to ";
        message += name;
        message += " is not supported yet; use pth or safetensors.";
        return fail(message);
    }
    std::string message = "Unknown export format \"";
    message += name;
    message += "\"; use pth or safetensors.";
    return fail(message);
}

const char* formatName(ExportFormat format) {
    return format == ExportFormat::Pth ? "pth" : "safetensors";
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
    if (auto status = writeWeights(staging, format, layout.dict); !status) {
        removeQuietly(staging);
        return status.error();
    }
    auto verification = verifyExport(staging, *net, info->config, numClasses, layout);
    if (!verification) {
        removeQuietly(staging);
        return fail("The export of " + bundle.string() +
                    " failed its check, so nothing was "
                    "written: " +
                    verification.message());
    }
    // NaN compares false: a network that reads back as NaN fails too.
    if (!(verification->maxAbsDifference <= kExportTolerance)) {
        removeQuietly(staging);
        char figure[64];
        std::snprintf(figure, sizeof figure, "%.3g", verification->maxAbsDifference);
        return fail(std::string("The exported file read back gives other logits than the model "
                                "(largest difference ") +
                    figure + ", allowed 1e-4), so nothing was written.");
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
