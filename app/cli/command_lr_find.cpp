// tstudio lr-find: the learning-rate range test, to choose --lr for `tstudio train`.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include <unistd.h>

#include <QJsonArray>
#include <QJsonObject>

#include "arg_parser.h"
#include "commands.h"
#include "core/common/parse_number.h"
#include "core/training/trainer.h"
#include "exit_codes.h"
#include "json_output.h"
#include "training_options.h"

namespace tstudio::cli {

namespace {

bool parsePositive(const std::string& text, double& out) {
    const std::optional<double> value = parseNumber<double>(text);
    if (!value || !(*value > 0)) {
        return false;
    }
    out = *value;
    return true;
}

/** A bar of up to 40 '#' for loss between low and high, so the curve shows in a terminal. */
std::string bar(double loss, double low, double high) {
    if (!(high > low) || !std::isfinite(loss)) {
        return {};
    }
    const double t = std::clamp((loss - low) / (high - low), 0.0, 1.0);
    return std::string(static_cast<std::size_t>(1 + std::lround(t * 39)), '#');
}

} // namespace

int runLrFind(const std::vector<std::string>& args) {
    ArgParser parser("tstudio lr-find --data PATH --arch NAME [model and data options of train] "
                     "[--steps N]\n       [--start-lr X] [--end-lr X] [--json]",
                     "Learning-rate range test: trains for --steps batches while the learning "
                     "rate grows\nexponentially from --start-lr to --end-lr, and prints the "
                     "smoothed loss per step and the\nsuggested learning rate (steepest descent "
                     "of the curve). Nothing is saved: the weights\nare thrown away.");
    addTrainingOptions(parser);
    parser.addOption("steps", "N", "Batches in the sweep.", "100");
    parser.addOption("start-lr", "X", "First learning rate.", "1e-7");
    parser.addOption("end-lr", "X", "Last learning rate.", "10");
    parser.addFlag("json", "One JSON object: {\"learning_rates\": [...], \"losses\": [...], "
                           "\"suggested_lr\": X}.");
    parser.setEpilogue(trainingOptionsHelp() + exitCodesHelp());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio lr-find: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    auto config = trainingConfigFrom(parser, "lr-find");
    if (!config) {
        return kExitUsage;
    }
    training::LrFinderOptions options;
    if (!parseInt(parser.value("steps"), 5, 100000, options.steps) ||
        !parsePositive(parser.value("start-lr"), options.startLr) ||
        !parsePositive(parser.value("end-lr"), options.endLr) || options.endLr <= options.startLr) {
        std::fprintf(stderr, "tstudio lr-find: --steps needs a number >= 5 and --start-lr < "
                             "--end-lr positive numbers (see --help)\n");
        return kExitUsage;
    }
    const auto dataset = openTrainingData(parser, "lr-find");
    if (!dataset) {
        return kExitUsage;
    }
    if (!modelAvailable(*config, "lr-find")) {
        return kExitModelUnavailable;
    }
    training::TrainingControl control;
    const bool json = parser.isSet("json");
    // Progress only for a person watching: not into a log file or a pipe.
    const bool live = !json && ::isatty(STDERR_FILENO) != 0;
    auto result = training::findLearningRate(
        *config, *dataset, options, control, [live](int step, int steps) {
            if (live) {
                std::fprintf(stderr, "\rstep %d/%d", step, steps);
            }
        });
    if (live) {
        std::fprintf(stderr, "\r\033[K");
    }
    if (!result) {
        std::fprintf(stderr, "tstudio lr-find: %s\n", result.message().c_str());
        return kExitRunFailed;
    }
    if (json) {
        QJsonArray rates, losses;
        for (std::size_t i = 0; i < result->learningRates.size(); ++i) {
            rates.append(result->learningRates[i]);
            losses.append(std::isfinite(result->losses[i]) ? QJsonValue(result->losses[i])
                                                           : QJsonValue());
        }
        const QJsonObject out{{QStringLiteral("learning_rates"), rates},
                              {QStringLiteral("losses"), losses},
                              {QStringLiteral("suggested_lr"), result->suggestedLr}};
        printJsonLine(out);
        return kExitOk;
    }
    double low = INFINITY, high = -INFINITY;
    for (double loss : result->losses) {
        if (std::isfinite(loss)) {
            low = std::min(low, loss);
            high = std::max(high, loss);
        }
    }
    // Where the loss blows up at the end, the bars would flatten the rest of the curve.
    if (!result->losses.empty() && std::isfinite(result->losses.front())) {
        high = std::min(high, 2.0 * result->losses.front());
    }
    std::printf("%12s %10s\n", "LR", "LOSS");
    for (std::size_t i = 0; i < result->learningRates.size(); ++i) {
        std::printf("%12.3e %10.4f  %s\n", result->learningRates[i], result->losses[i],
                    bar(result->losses[i], low, high).c_str());
    }
    std::printf("\nSuggested learning rate: %.3e  (tstudio train ... --lr %.3g)\n",
                result->suggestedLr, result->suggestedLr);
    return kExitOk;
}

} // namespace tstudio::cli
