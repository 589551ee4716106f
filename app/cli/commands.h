#pragma once

#include <string>
#include <vector>

namespace tstudio::cli {

/** One tstudio sub-command: its name, a one-line summary and its entry point. */
struct Command {
    const char* name;
    const char* summary;
    /** args: the command's own arguments (raw bytes); returns the exit status (exit_codes.h). */
    int (*run)(const std::vector<std::string>& args);
};

/** Every command, in the order `tstudio --help` lists them. Add new commands here. */
const std::vector<Command>& commands();

int runModels(const std::vector<std::string>& args);
int runClassify(const std::vector<std::string>& args);
int runFeatures(const std::vector<std::string>& args);
int runData(const std::vector<std::string>& args);
int runWeights(const std::vector<std::string>& args);
int runTrain(const std::vector<std::string>& args);
int runLrFind(const std::vector<std::string>& args);
int runEvaluate(const std::vector<std::string>& args);
int runPredict(const std::vector<std::string>& args);
int runModelExport(const std::vector<std::string>& args);

} // namespace tstudio::cli
