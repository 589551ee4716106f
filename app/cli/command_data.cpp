// tstudio data inspect|split: the dataset report and a saved, reproducible split.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "arg_parser.h"
#include "commands.h"
#include "core/common/file_extension.h"
#include "core/common/parse_number.h"
#include "core/data/dataset_export.h"
#include "core/data/dataset_file.h"
#include "core/data/dataset_inspector.h"
#include "core/data/dataset_report_json.h"
#include "core/data/stratified_split.h"
#include "data_argument.h"
#include "exit_codes.h"

namespace tstudio::cli {

namespace {

constexpr std::size_t kItemsShown = 10;

std::string dataEpilogue() {
    return "PATH is a folder of class folders (optionally split into train/ val/ test/), a "
           "folder of\nunlabeled images, a .csv list (path,label), a project (.tsproj), "
           "CIFAR-10 .bin batches or\nMNIST IDX files.\n\n" +
           exitCodesHelp();
}

void printCounts(const data::DatasetReport& report) {
    std::size_t width = 5;
    for (const auto& c : report.classes) {
        width = std::max(width, c.name.size());
    }
    std::printf("%-*s %8s %8s %8s %8s %8s\n", static_cast<int>(width), "CLASS", "TRAIN", "VAL",
                "TEST", "UNSPLIT", "TOTAL");
    for (const auto& c : report.classes) {
        using data::Split;
        std::printf("%-*s %8lld %8lld %8lld %8lld %8lld\n", static_cast<int>(width), c.name.c_str(),
                    static_cast<long long>(c.perSplit[int(Split::Train)]),
                    static_cast<long long>(c.perSplit[int(Split::Val)]),
                    static_cast<long long>(c.perSplit[int(Split::Test)]),
                    static_cast<long long>(c.perSplit[int(Split::None)]),
                    static_cast<long long>(c.total));
    }
}

void printReport(const data::DatasetReport& report, bool all) {
    std::printf("Dataset: %s (%s): %lld images, %zu classes, %lld unlabeled\n\n",
                report.source.c_str(), data::datasetKindName(report.kind).c_str(),
                static_cast<long long>(report.sampleCount), report.classes.size(),
                static_cast<long long>(report.unlabeledCount));
    if (!report.classes.empty()) {
        printCounts(report);
    }
    const auto& s = report.sizes;
    if (s.measured > 0) {
        std::printf("\nImage sizes (%lld measured): width %d to %d, height %d to %d, mean "
                    "%.0fx%.0f\n  smallest: %s\n  largest:  %s\n",
                    static_cast<long long>(s.measured), s.minWidth, s.maxWidth, s.minHeight,
                    s.maxHeight, s.meanWidth, s.meanHeight, s.smallest.c_str(), s.largest.c_str());
    }
    std::string formats;
    for (const auto& [name, count] : report.formats) {
        formats += (formats.empty() ? "" : ", ") + name + " " + std::to_string(count);
    }
    std::printf("Formats: %s\n", formats.empty() ? "-" : formats.c_str());

    const auto unusable = report.unusableFiles();
    std::printf("\nProblems: %zu (%zu unusable files)\n", report.problems.size(), unusable.size());
    for (const auto& problem : report.problems) {
        std::printf("  [%s] %s: %s\n", data::isUnusable(problem.kind) ? "error" : "warning",
                    data::problemKindName(problem.kind).c_str(), problem.message.c_str());
        // Per-file problems name their file in the message already.
        if (problem.items.size() < 2 && data::isUnusable(problem.kind)) {
            continue;
        }
        if (problem.kind == data::ProblemKind::WrongExtension) {
            continue;
        }
        const std::size_t shown =
            all ? problem.items.size() : std::min(problem.items.size(), kItemsShown);
        for (std::size_t i = 0; i < shown; ++i) {
            std::printf("      %s\n", problem.items[i].c_str());
        }
        if (shown < problem.items.size()) {
            std::printf("      ... and %zu more (--all lists them)\n",
                        problem.items.size() - shown);
        }
    }
}

int runInspect(const std::vector<std::string>& args) {
    ArgParser parser("tstudio data inspect [--json] [--input-size N] [--quick] [--unlabeled] PATH",
                     "Reads every image of a dataset once and reports the classes with their "
                     "counts per split,\nimage sizes and formats, and every problem: unreadable, "
                     "empty, truncated or non-image\nfiles (by content), exact duplicates (also "
                     "across splits), images smaller than the input\nsize, classes with fewer "
                     "than 2 images, strong class imbalance.");
    parser.addFlag("json", "One JSON object instead of text.");
    parser.addOption("input-size", "N", "The model's input size, for \"too small\".", "224");
    parser.addFlag("quick", "Check headers only (no full decode): faster, finds less.");
    parser.addFlag("unlabeled", "Treat the folder as unlabeled images (no class folders).");
    parser.addFlag("all", "List every file of a problem, not the first 10.");
    parser.setEpilogue(dataEpilogue() +
                       "  (1 here: some files are unusable; each is listed in the report)\n");
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio data inspect: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    data::InspectOptions options;
    if (!parseInt(parser.value("input-size"), 1, 8192, options.inputSize)) {
        std::fprintf(stderr, "tstudio data inspect: --input-size needs a number from 1 to 8192\n");
        return kExitUsage;
    }
    if (parser.positional().size() != 1) {
        std::fprintf(stderr, "tstudio data inspect: give exactly one PATH (see --help)\n");
        return kExitUsage;
    }
    options.decode = !parser.isSet("quick");
    auto dataset =
        openDataArgument(parser.positional()[0], "data inspect", parser.isSet("unlabeled"));
    if (!dataset) {
        std::fprintf(stderr, "tstudio data inspect: %s\n", dataset.message().c_str());
        return kExitUsage;
    }
    auto report = data::inspectDataset(*dataset, options);
    if (!report) {
        std::fprintf(stderr, "tstudio data inspect: %s\n", report.message().c_str());
        return kExitSomeInputsFailed;
    }
    if (parser.isSet("json")) {
        std::printf("%s\n", data::reportToJson(*report, /*indented=*/true).c_str());
    } else {
        printReport(*report, parser.isSet("all"));
    }
    return report->unusableFiles().empty() ? kExitOk : kExitSomeInputsFailed;
}

/** A fraction in [0, 1): a split cannot take every image. */
bool parseFraction(const std::string& text, double& out) {
    const std::optional<double> value = parseNumber<double>(text);
    if (!value || *value < 0 || *value >= 1) {
        return false;
    }
    out = *value;
    return true;
}

int runSplit(const std::vector<std::string>& args) {
    ArgParser parser("tstudio data split [--val F] [--test F] [--seed N] --out FILE.json PATH",
                     "Splits the images that have no split yet into train/val/test, class by "
                     "class (stratified)\nand reproducibly for a seed, and saves the whole dataset "
                     "with its split to FILE.json.\nFolders already split into train/ val/ test/ "
                     "keep their split; one without val/ gets\n--val of each class's training "
                     "images as validation, and one without training images\n(MNIST's t10k files "
                     "alone) is split anew.");
    parser.addOption("val", "F", "Fraction for validation.", "0.2");
    parser.addOption("test", "F", "Fraction for test.", "0");
    parser.addOption("seed", "N", "Seed of the shuffle.", "0");
    parser.addOption("out", "FILE.json", "Where to save the dataset (required).");
    parser.setEpilogue(dataEpilogue());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio data split: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    data::SplitRecipe recipe;
    int seed = 0;
    if (!parseFraction(parser.value("val"), recipe.fractions.val) ||
        !parseFraction(parser.value("test"), recipe.fractions.test) ||
        recipe.fractions.val + recipe.fractions.test >= 1 ||
        !parseInt(parser.value("seed"), 0, 2'000'000'000, seed) || parser.value("out").empty() ||
        parser.positional().size() != 1) {
        std::fprintf(stderr, "tstudio data split: give PATH, --out FILE.json, fractions in [0, 1) "
                             "that leave some for training, and a seed >= 0 (see --help)\n");
        return kExitUsage;
    }
    recipe.seed = static_cast<std::uint64_t>(seed);
    recipe.fractions.train = 1 - recipe.fractions.val - recipe.fractions.test;
    auto dataset = openDataArgument(parser.positional()[0], "data split");
    if (!dataset) {
        std::fprintf(stderr, "tstudio data split: %s\n", dataset.message().c_str());
        return kExitUsage;
    }
    const auto done = data::completeSplit(*dataset, recipe.fractions, recipe.seed,
                                          data::SplitWithoutTrain::Resplit);
    if (!done) {
        std::fprintf(stderr, "tstudio data split: %s\n", done.message().c_str());
        return kExitUsage;
    }
    if (!done->empty()) {
        std::fprintf(stderr, "%s\n", done->c_str());
    }
    if (auto status = data::saveDataset({*dataset, recipe}, parser.value("out")); !status) {
        std::fprintf(stderr, "tstudio data split: %s\n", status.message().c_str());
        return kExitOutputFailed;
    }
    for (data::Split split : {data::Split::Train, data::Split::Val, data::Split::Test}) {
        const auto counts = dataset->countPerClass(split);
        long long total = 0;
        for (auto n : counts) {
            total += static_cast<long long>(n);
        }
        std::printf("%-5s %lld\n", data::splitName(split).c_str(), total);
    }
    return kExitOk;
}

bool endsWithCsv(const std::string& path) {
    return lowercaseExtension(path) == ".csv";
}

int runExport(const std::vector<std::string>& args) {
    ArgParser parser("tstudio data export [--link] [--unlabeled] --out FOLDER|FILE.csv PATH",
                     "Writes the labelled images of a dataset or project (excluded ones left "
                     "out) for other tools:\nas a folder of class folders (split into train/ "
                     "val/ test/ when the dataset has a split;\nwhat torchvision's ImageFolder "
                     "reads), or, when --out ends in .csv, as a path,label,split\nlist. The "
                     "folder must be new or empty: nothing is overwritten.");
    parser.addOption("out", "FOLDER|FILE.csv", "Where to write (required).");
    parser.addFlag("link", "Hard-link the images instead of copying them (copies where links "
                           "cannot be made).");
    parser.addFlag("unlabeled", "CSV only: list the unlabeled images too (empty label).");
    parser.setEpilogue(dataEpilogue());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio data export: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    if (parser.value("out").empty() || parser.positional().size() != 1) {
        std::fprintf(stderr, "tstudio data export: give PATH and --out (see --help)\n");
        return kExitUsage;
    }
    auto dataset = openDataArgument(parser.positional()[0], "data export");
    if (!dataset) {
        std::fprintf(stderr, "tstudio data export: %s\n", dataset.message().c_str());
        return kExitUsage;
    }
    const std::string out = parser.value("out");
    if (endsWithCsv(out)) {
        if (auto written = data::exportCsv(*dataset, out, parser.isSet("unlabeled")); !written) {
            std::fprintf(stderr, "tstudio data export: %s\n", written.message().c_str());
            return kExitOutputFailed;
        }
        std::printf("Wrote %s\n", out.c_str());
        return kExitOk;
    }
    data::FolderExportOptions options;
    options.target = out;
    options.hardLinks = parser.isSet("link");
    const auto exported = data::exportImageFolder(*dataset, options);
    if (!exported) {
        std::fprintf(stderr, "tstudio data export: %s\n", exported.message().c_str());
        return kExitOutputFailed;
    }
    std::printf("Wrote %lld images to %s (%lld hard-linked, %lld renamed to keep names "
                "unique)\n",
                static_cast<long long>(exported->images), out.c_str(),
                static_cast<long long>(exported->linked),
                static_cast<long long>(exported->renamed));
    return kExitOk;
}

} // namespace

int runData(const std::vector<std::string>& args) {
    const std::string usage = "Usage: tstudio data inspect|split|export [OPTIONS] PATH\n\n"
                              "  inspect  report classes, counts, sizes and problems of a dataset\n"
                              "  split    make a stratified, seeded train/val/test split and save "
                              "it\n"
                              "  export   write the labelled images as class folders or a CSV\n\n"
                              "Run `tstudio data SUBCOMMAND --help` for its options.\n";
    if (args.empty()) {
        std::fputs(usage.c_str(), stderr);
        return kExitUsage;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "inspect") {
        return runInspect(rest);
    }
    if (args[0] == "split") {
        return runSplit(rest);
    }
    if (args[0] == "export") {
        return runExport(rest);
    }
    if (args[0] == "-h" || args[0] == "--help") {
        std::fputs(usage.c_str(), stdout);
        return kExitOk;
    }
    std::fprintf(stderr, "tstudio data: unknown subcommand \"%s\"\n\n%s", args[0].c_str(),
                 usage.c_str());
    return kExitUsage;
}

} // namespace tstudio::cli
