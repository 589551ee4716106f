// tstudio models [--json]: the backbone registry.

#include <cstdio>

#include "arg_parser.h"
#include "commands.h"
#include "core/models/registry.h"
#include "core/weights/hub_cache.h"
#include "exit_codes.h"
#include "json_text.h"

namespace tstudio::cli {

namespace {

std::string jsonFloats(const std::array<float, 3>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        char number[32];
        std::snprintf(number, sizeof number, "%s%.6g", i == 0 ? "" : ", ", values[i]);
        out += number;
    }
    return out + "]";
}

std::string jsonLine(const models::BackboneInfo& info) {
    std::string blocks = "[";
    for (std::size_t i = 0; i < info.blocks.size(); ++i) {
        blocks += (i == 0 ? "" : ", ") + jsonString(info.blocks[i]);
    }
    blocks += "]";
    const auto cached = weights::cachedOfficialWeights(info);
    char numbers[256];
    std::snprintf(numbers, sizeof numbers,
                  "\"inputSize\": %d, \"minInputSize\": %d, \"resizeSize\": %d, "
                  "\"featureWidth\": %lld, \"parameters\": %lld, \"imagenetTop1\": %.2f, "
                  "\"imagenetTop5\": %.2f",
                  info.defaultInputSize, info.minInputSize, info.resizeSize,
                  static_cast<long long>(info.featureWidth),
                  static_cast<long long>(info.parameterCount), info.imagenetTop1,
                  info.imagenetTop5);
    return "{\"name\": " + jsonString(info.name) +
           ", \"displayName\": " + jsonString(info.displayName) +
           ", \"family\": " + jsonString(info.family) + ", " + numbers + ", \"interpolation\": \"" +
           (info.interpolation == models::Interpolation::Bicubic ? "bicubic" : "bilinear") +
           "\", \"mean\": " + jsonFloats(info.mean) + ", \"std\": " + jsonFloats(info.std) +
           ", \"headPath\": " + jsonString(info.headPath) + ", \"blocks\": " + blocks +
           ", \"weights\": {\"file\": " + jsonString(info.weights.fileName) +
           ", \"url\": " + jsonString(info.weights.url) +
           ", \"sha256\": " + jsonString(info.weights.sha256) +
           ", \"cached\": " + (cached ? jsonString(cached->string()) : std::string("null")) + "}}";
}

void printTable() {
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
}

} // namespace

int runModels(const std::vector<std::string>& args) {
    ArgParser parser("tstudio models [--json]",
                     "Lists the backbones this build knows: input size, parameters, published\n"
                     "ImageNet top-1, and whether the official weight file is in the hub cache.");
    parser.addFlag("json", "One JSON object per line instead of a table.");
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
    if (parser.isSet("json")) {
        for (const auto& info : models::backboneRegistry()) {
            std::printf("%s\n", jsonLine(info).c_str());
        }
    } else {
        printTable();
    }
    return kExitOk;
}

} // namespace tstudio::cli
