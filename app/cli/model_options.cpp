#include "model_options.h"

#include <cstdio>

#include "core/models/registry.h"

namespace tstudio::cli {

void addModelOptions(ArgParser& parser) {
    parser.addOption("arch", "NAME",
                     "Backbone from `tstudio models`, e.g. mobilenet_v2 (required).");
    parser.addOption("weights", "FILE",
                     "Weight file (.pth or .safetensors) to load instead of the official one.");
    parser.addOption("size", "N", "Square input size; 0 uses the backbone's default.", "0");
    parser.addOption("device", "cpu|cuda[:N]", "Where to run.", "cpu");
}

std::optional<inference::ModelSpec> modelSpecFrom(const ArgParser& parser) {
    inference::ModelSpec spec;
    spec.arch = parser.value("arch");
    if (spec.arch.empty()) {
        std::fprintf(stderr, "tstudio: --arch is required; one of: %s\n",
                     models::knownBackboneNames().c_str());
        return std::nullopt;
    }
    spec.weights = parser.value("weights");
    if (!parseInt(parser.value("size"), 0, 4096, spec.inputSize)) {
        std::fprintf(stderr, "tstudio: --size needs a whole number, got \"%s\"\n",
                     parser.value("size").c_str());
        return std::nullopt;
    }
    spec.device = parser.value("device");
    return spec;
}

std::string weightsHelp() {
    return "Weights: without --weights, the official torchvision file is taken from the torch hub\n"
           "cache ($TORCH_HOME/hub/checkpoints, default ~/.cache/torch/hub/checkpoints); when it "
           "is\n"
           "not there the command says which file to download and where to put it.\n\n";
}

} // namespace tstudio::cli
