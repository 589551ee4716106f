#pragma once

#include <optional>
#include <string>

#include "arg_parser.h"
#include "core/inference/model_spec.h"

namespace tstudio::cli {

/** Adds --arch, --weights, --size and --device, shared by the commands that run a model. */
void addModelOptions(ArgParser& parser);

/** The ModelSpec the options describe; nullopt after printing what is wrong to stderr. */
std::optional<inference::ModelSpec> modelSpecFrom(const ArgParser& parser);

/** Help text about where weights come from, for the commands' epilogues. */
std::string weightsHelp();

} // namespace tstudio::cli
