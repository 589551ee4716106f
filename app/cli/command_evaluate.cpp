// tstudio evaluate: a trained bundle measured on a labelled dataset.

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <unistd.h>

#include <QJsonObject>

#include "arg_parser.h"
#include "commands.h"
#include "core/evaluation/report_files.h"
#include "core/training/model_bundle.h"
#include "data_argument.h"
#include "exit_codes.h"
#include "json_output.h"

namespace tstudio::cli {

namespace {

/** val when the dataset has a val split, else every labelled sample. */
data::Split defaultSplit(const data::Dataset& dataset) {
    for (const data::Sample& sample : dataset.samples()) {
        if (sample.split == data::Split::Val) {
            return data::Split::Val;
        }
    }
    return data::Split::None;
}

void printText(const training::EvaluationResult& r, const std::vector<std::string>& classes,
               const std::string& splitLabel) {
    std::printf("Evaluated on %lld images (%s)\n", static_cast<long long>(r.count),
                splitLabel.c_str());
    std::printf("  loss   %.4f\n  top-1  %.2f%%\n", r.loss, 100.0 * r.top1);
    if (r.top5) {
        std::printf("  top-5  %.2f%%\n", 100.0 * *r.top5);
    }
    std::size_t width = 5;
    for (const auto& name : classes) {
        width = std::max(width, name.size());
    }
    const int w = static_cast<int>(width);
    std::printf("\n%-*s %9s %9s %9s %8s\n", w, "CLASS", "PRECISION", "RECALL", "F1", "SUPPORT");
    for (std::size_t i = 0; i < r.perClass.size() && i < classes.size(); ++i) {
        const auto& c = r.perClass[i];
        std::printf("%-*s %9.3f %9.3f %9.3f %8lld\n", w, classes[i].c_str(), c.precision, c.recall,
                    c.f1, static_cast<long long>(c.support));
    }
    std::printf("\nConfusion matrix (rows: true class, columns: predicted, in the order above)\n");
    for (std::size_t i = 0; i < r.confusion.size() && i < classes.size(); ++i) {
        std::printf("%-*s", w, classes[i].c_str());
        for (const std::int64_t cell : r.confusion[i]) {
            std::printf(" %6lld", static_cast<long long>(cell));
        }
        std::printf("\n");
    }
}

} // namespace

int runEvaluate(const std::vector<std::string>& args) {
    ArgParser parser("tstudio evaluate --model BUNDLE --data PATH [--split val|test|all] "
                     "[--device D] [--report DIR] [--json]",
                     "Measures a trained model bundle (.tsmodel from `tstudio train`) on the "
                     "labelled images of a\ndataset, with the bundle's own preprocessing: loss, "
                     "top-1 and top-5 accuracy, precision,\nrecall and F1 per class, and the "
                     "confusion matrix. Classes are matched by name.");
    parser.addOption("model", "BUNDLE", "The .tsmodel file (required).");
    parser.addOption("data", "PATH",
                     "Class folders, .csv, dataset .json, project .tsproj, CIFAR-10 or IDX files "
                     "(required).");
    parser.addOption("split", "val|test|all",
                     "Which samples; default: val when the dataset has one, else all.");
    parser.addOption("device", "cpu|cuda[:N]", "Where to run.", "cpu");
    parser.addOption("report", "DIR",
                     "Also write the report files into DIR (created when missing): "
                     "per_class.csv,\npredictions.csv (one row per image: true and predicted "
                     "class, probabilities, loss),\nconfusion.png, confusion_normalized.png "
                     "(row fractions) and summary.json.");
    parser.addFlag("json", "One JSON object: count, loss, top1, top5, perClass, confusion.");
    parser.setEpilogue(exitCodesHelp());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio evaluate: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    if (parser.value("model").empty() || parser.value("data").empty() ||
        !parser.positional().empty()) {
        std::fprintf(stderr, "tstudio evaluate: give --model BUNDLE and --data PATH "
                             "(see --help)\n");
        return kExitUsage;
    }
    const std::string splitName = parser.value("split");
    if (!splitName.empty() && splitName != "val" && splitName != "test" && splitName != "all") {
        std::fprintf(stderr, "tstudio evaluate: --split is val, test or all, not \"%s\"\n",
                     splitName.c_str());
        return kExitUsage;
    }
    auto dataset = openDataArgument(parser.value("data"), "evaluate");
    if (!dataset) {
        std::fprintf(stderr, "tstudio evaluate: %s\n", dataset.message().c_str());
        return kExitUsage;
    }
    const data::Split split = splitName == "val"    ? data::Split::Val
                              : splitName == "test" ? data::Split::Test
                              : splitName == "all"  ? data::Split::None
                                                    : defaultSplit(*dataset);
    const std::string splitLabel =
        split == data::Split::None ? std::string("all labelled images") : data::splitName(split);

    auto classifier =
        training::BundleClassifier::open(parser.value("model"), parser.value("device"));
    if (!classifier) {
        std::fprintf(stderr, "tstudio evaluate: %s\n", classifier.message().c_str());
        return kExitModelUnavailable;
    }
    const bool json = parser.isSet("json");
    // Progress only for a person watching: not into a log file or a pipe.
    const bool live = !json && ::isatty(STDERR_FILENO) != 0;
    auto report =
        classifier->evaluateReport(*dataset, split, [live](std::int64_t done, std::int64_t total) {
            if (live) {
                std::fprintf(stderr, "\r%lld/%lld images", static_cast<long long>(done),
                             static_cast<long long>(total));
            }
        });
    if (live) {
        std::fprintf(stderr, "\r\033[K");
    }
    if (!report) {
        std::fprintf(stderr, "tstudio evaluate: %s\n", report.message().c_str());
        return kExitRunFailed;
    }
    for (const Error& unreadable : report->unreadable) {
        std::fprintf(stderr, "tstudio evaluate: left out: %s\n", unreadable.message.c_str());
    }
    if (const std::string dir = parser.value("report"); !dir.empty()) {
        if (auto written = evaluation::writeEvaluationReport(*report, dir); !written) {
            std::fprintf(stderr, "tstudio evaluate: %s\n", written.message().c_str());
            return kExitOutputFailed;
        }
    }
    const training::EvaluationResult& result = report->summary;
    const auto& classes = classifier->info().classes;
    if (json) {
        QJsonObject out = training::toJson(result, classes);
        out.insert(QStringLiteral("split"),
                   QString::fromStdString(split == data::Split::None ? std::string("all")
                                                                     : data::splitName(split)));
        printJsonLine(out);
    } else {
        printText(result, classes, splitLabel);
    }
    return kExitOk;
}

} // namespace tstudio::cli
