// tstudio models [--json]: the backbone registry, and the BLAS that LibTorch calls.

#include <charconv>
#include <cstdio>
#include <optional>
#include <string_view>

#include <QJsonArray>
#include <QJsonObject>

#include "arg_parser.h"
#include "commands.h"
#include "core/common/blas_info.h"
#include "core/common/parse_number.h"
#include "core/models/registry.h"
#include "core/weights/hub_cache.h"
#include "exit_codes.h"
#include "json_output.h"

namespace tstudio::cli {

namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

/** 0.485f as 0.485, not as the double 0.48500001430511475 that QJsonValue would write. */
double shortest(float value) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return parseNumber<double>(std::string_view(digits, end - digits)).value_or(value);
}

QJsonArray floats(const std::array<float, 3>& values) {
    QJsonArray out;
    for (const float value : values) {
        out.append(shortest(value));
    }
    return out;
}

QJsonObject toJson(const models::BackboneInfo& info) {
    QJsonArray blocks;
    for (const std::string& block : info.blocks) {
        blocks.append(text(block));
    }
    const auto cached = weights::cachedOfficialWeights(info);
    const QJsonObject officialWeights{
        {QStringLiteral("file"), text(info.weights.fileName)},
        {QStringLiteral("url"), text(info.weights.url)},
        {QStringLiteral("sha256"), text(info.weights.sha256)},
        {QStringLiteral("cached"), cached ? QJsonValue(text(cached->string())) : QJsonValue()}};
    return QJsonObject{
        {QStringLiteral("name"), text(info.name)},
        {QStringLiteral("displayName"), text(info.displayName)},
        {QStringLiteral("family"), text(info.family)},
        {QStringLiteral("inputSize"), info.defaultInputSize},
        {QStringLiteral("minInputSize"), info.minInputSize},
        {QStringLiteral("resizeSize"), info.resizeSize},
        {QStringLiteral("featureWidth"), static_cast<qint64>(info.featureWidth)},
        {QStringLiteral("parameters"), static_cast<qint64>(info.parameterCount)},
        {QStringLiteral("imagenetTop1"), info.imagenetTop1},
        {QStringLiteral("imagenetTop5"), info.imagenetTop5},
        {QStringLiteral("interpolation"), info.interpolation == models::Interpolation::Bicubic
                                              ? QStringLiteral("bicubic")
                                              : QStringLiteral("bilinear")},
        {QStringLiteral("mean"), floats(info.mean)},
        {QStringLiteral("std"), floats(info.std)},
        {QStringLiteral("headPath"), text(info.headPath)},
        {QStringLiteral("blocks"), blocks},
        {QStringLiteral("weights"), officialWeights}};
}

QJsonObject toJson(const BlasInfo& blas) {
    return QJsonObject{{QStringLiteral("name"), text(blas.name)},
                       {QStringLiteral("library"), text(blas.library)},
                       {QStringLiteral("reference"), blas.isReference}};
}

void printTable(const BlasInfo& blas) {
    std::printf("%-20s %-22s %6s %9s %7s  %s\n", "NAME", "MODEL", "INPUT", "PARAMS", "TOP-1",
                "OFFICIAL WEIGHTS");
    for (const auto& info : models::backboneRegistry()) {
        const bool cached = weights::cachedOfficialWeights(info).has_value();
        std::printf("%-20s %-22s %6d %8.1fM %6.1f%%  %s%s\n", info.name.c_str(),
                    info.displayName.c_str(), info.defaultInputSize,
                    static_cast<double>(info.parameterCount) / 1e6, info.imagenetTop1,
                    info.weights.fileName.c_str(), cached ? " (in hub cache)" : "");
    }
    std::printf("\nHub cache: %s\n", weights::hubCheckpointDir().string().c_str());
    std::printf("BLAS: %s%s%s\n", blas.name.c_str(), blas.library.empty() ? "" : ", ",
                blas.library.c_str());
    if (blas.isReference) {
        std::fprintf(stderr,
                     "tstudio: warning: LibTorch calls the reference BLAS (%s): training and "
                     "Linear layers run many times slower than with OpenBLAS.\n"
                     "Install it: sudo apt install libopenblas0-openmp\n",
                     blas.library.c_str());
    }
}

} // namespace

int runModels(const std::vector<std::string>& args) {
    ArgParser parser("tstudio models [--json]",
                     "Lists the backbones this build knows: input size, parameters, published\n"
                     "ImageNet top-1, and whether the official weight file is in the hub cache;\n"
                     "then the BLAS library LibTorch calls (the reference BLAS is many times\n"
                     "slower than OpenBLAS: install libopenblas0-openmp).");
    parser.addFlag("json", "One JSON object per backbone and line, then {\"blas\": {\"name\",\n"
                           "\"library\", \"reference\"}} on the last line.");
    parser.setEpilogue(exitCodesHelp());
    if (!parser.parse(args) || !parser.positional().empty()) {
        std::fprintf(stderr, "tstudio models: %s\n",
                     parser.error().empty() ? "takes no arguments" : parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    const BlasInfo blas = loadedBlas();
    if (parser.isSet("json")) {
        for (const auto& info : models::backboneRegistry()) {
            printJsonLine(toJson(info));
        }
        printJsonLine(QJsonObject{{QStringLiteral("blas"), toJson(blas)}});
    } else {
        printTable(blas);
    }
    return kExitOk;
}

} // namespace tstudio::cli
