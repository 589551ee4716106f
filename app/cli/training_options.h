#pragma once

#include <optional>
#include <string>

#include "arg_parser.h"
#include "core/data/dataset.h"
#include "core/training/training_config.h"

namespace tstudio::cli {

/**
 * Adds what `train` and `lr-find` share: --data, --arch, --weights, --mode, --freeze, --head,
 * --batch, --size, --optimizer, --lr, --weight-decay, --augment, --val, --seed, --device,
 * --workers.
 */
void addTrainingOptions(ArgParser& parser);

/** The TrainingConfig the options describe; nullopt after saying what is wrong on stderr. */
std::optional<training::TrainingConfig> trainingConfigFrom(const ArgParser& parser,
                                                           const char* command);

/**
 * Opens --data (class folders, .csv, a dataset .json from `tstudio data split`, CIFAR-10 or IDX
 * files); nullopt after saying what is wrong on stderr.
 */
std::optional<data::Dataset> openTrainingData(const ArgParser& parser, const char* command);

/**
 * Checks, before any work, that config's model can be built: a known --arch, and weights that
 * exist (the given file, or the official one in the hub cache). false after saying on stderr
 * what is missing and how to get it (exit status kExitModelUnavailable).
 */
bool modelAvailable(const training::TrainingConfig& config, const char* command);

/** Help on the options' mini-languages, for the epilogues. */
std::string trainingOptionsHelp();

} // namespace tstudio::cli
