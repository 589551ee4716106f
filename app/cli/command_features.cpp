// tstudio features: per-image features from a chosen layer into FILE.npy and FILE.csv.

#include <cstdio>
#include <filesystem>

#include "arg_parser.h"
#include "commands.h"
#include "core/inference/feature_csv.h"
#include "core/inference/feature_extractor.h"
#include "core/inference/image_paths.h"
#include "core/inference/npy_writer.h"
#include "exit_codes.h"
#include "model_options.h"

namespace tstudio::cli {

namespace {

std::optional<inference::Pooling> poolingFrom(const std::string& name) {
    if (name == "avg") {
        return inference::Pooling::Average;
    }
    if (name == "max") {
        return inference::Pooling::Max;
    }
    if (name == "none") {
        return inference::Pooling::None;
    }
    return std::nullopt;
}

} // namespace

int runFeatures(const std::vector<std::string>& args) {
    ArgParser parser(
        "tstudio features --arch NAME [--weights FILE] [--layer L] [--pool avg|max|none] "
        "[--size N] [--batch N] [--device D] --out FILE.npy PATH...",
        "Runs a pretrained backbone up to a layer and writes one row of features per image:\n"
        "FILE.npy (float32 [N, D], numpy.load reads it) and FILE.csv (index, path, class folder).\n"
        "PATH is an image file or a folder (searched recursively, sorted). The class column is "
        "the\n"
        "name of the folder holding the image, as in an image-folder dataset (root/CLASS/x.jpg).");
    addModelOptions(parser);
    parser.addOption("layer", "L",
                     "A block of the backbone (see `tstudio models --json`: \"blocks\"), pool (the "
                     "head's input) or logits.",
                     "pool");
    parser.addOption("pool", "avg|max|none",
                     "How a block's feature map becomes a row; none flattens it (C*H*W values).",
                     "avg");
    parser.addOption("batch", "N", "Images per forward pass.", "16");
    parser.addOption("out", "FILE.npy", "Output file (required); FILE.csv is written beside it.");
    parser.setEpilogue(weightsHelp() + exitCodesHelp());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio features: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    const std::filesystem::path out = parser.value("out");
    if (out.empty() || out.extension() != ".npy") {
        std::fprintf(stderr, "tstudio features: --out FILE.npy is required (a .npy name)\n");
        return kExitUsage;
    }
    const auto pooling = poolingFrom(parser.value("pool"));
    if (!pooling) {
        std::fprintf(stderr, "tstudio features: --pool is avg, max or none\n");
        return kExitUsage;
    }
    inference::FeatureSpec featureSpec;
    if (!parseInt(parser.value("batch"), 1, 4096, featureSpec.batchSize)) {
        std::fprintf(stderr, "tstudio features: --batch needs a number from 1 to 4096\n");
        return kExitUsage;
    }
    if (parser.positional().empty()) {
        std::fprintf(stderr, "tstudio features: no PATH given (see --help)\n");
        return kExitUsage;
    }
    const auto spec = modelSpecFrom(parser);
    if (!spec) {
        return kExitUsage;
    }
    featureSpec.model = *spec;
    featureSpec.layer = parser.value("layer");
    featureSpec.pooling = *pooling;

    const auto inputs =
        inference::expandImagePaths({parser.positional().begin(), parser.positional().end()});
    for (const Error& problem : inputs.problems) {
        std::fprintf(stderr, "tstudio: %s\n", problem.message.c_str());
    }
    auto extractor = inference::FeatureExtractor::open(featureSpec);
    if (!extractor) {
        std::fprintf(stderr, "tstudio: %s\n", extractor.message().c_str());
        return kExitModelUnavailable;
    }
    bool anyFailed = !inputs.problems.empty();
    const auto table = extractor->extract(inputs.files, [&anyFailed](const Error& error) {
        std::fprintf(stderr, "tstudio: %s\n", error.message.c_str());
        anyFailed = true;
    });
    if (!table) {
        std::fprintf(stderr, "tstudio: %s\n", table.message().c_str());
        return kExitModelUnavailable;
    }
    if (table->rows() == 0) {
        std::fprintf(stderr, "tstudio: no image could be read; nothing written\n");
        return kExitSomeInputsFailed;
    }
    std::filesystem::path csv = out;
    csv.replace_extension(".csv");
    for (const Status& status :
         {inference::writeNpy(out, table->values, table->rows(), table->width),
          inference::writeFeatureCsv(csv, table->paths)}) {
        if (!status) {
            std::fprintf(stderr, "tstudio: %s\n", status.message().c_str());
            return kExitOutputFailed;
        }
    }
    std::printf("%lld x %lld features (%s) written to %s and %s\n",
                static_cast<long long>(table->rows()), static_cast<long long>(table->width),
                featureSpec.layer.c_str(), out.string().c_str(), csv.string().c_str());
    return anyFailed ? kExitSomeInputsFailed : kExitOk;
}

} // namespace tstudio::cli
