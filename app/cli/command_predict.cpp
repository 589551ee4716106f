// tstudio predict: classes of images by a trained model bundle; optionally a CSV of them.

#include <algorithm>
#include <cstdio>

#include <QJsonArray>
#include <QJsonObject>

#include "arg_parser.h"
#include "commands.h"
#include "core/inference/image_paths.h"
#include "core/inference/prediction_csv.h"
#include "core/inference/top_classes.h"
#include "core/training/model_bundle.h"
#include "exit_codes.h"
#include "grad_cam_output.h"
#include "json_output.h"

namespace tstudio::cli {

namespace {

constexpr std::size_t kChunk = 32; ///< images per predict() call: results stream as they come

QJsonObject predictionJson(const training::Prediction& p, const std::string& predicted,
                           const std::vector<int>& top, const std::vector<std::string>& classes) {
    QJsonArray topJson;
    for (const int index : top) {
        const auto c = static_cast<std::size_t>(index);
        topJson.append(QJsonObject{{QStringLiteral("class"), QString::fromStdString(classes[c])},
                                   {QStringLiteral("prob"), sixDigits(p.probabilities[c])}});
    }
    return QJsonObject{{QStringLiteral("path"), QString::fromStdString(p.path.string())},
                       {QStringLiteral("predicted"), QString::fromStdString(predicted)},
                       {QStringLiteral("top"), topJson}};
}

} // namespace

int runPredict(const std::vector<std::string>& args) {
    ArgParser parser("tstudio predict --model BUNDLE [--topk K] [--csv OUT] [--gradcam DIR] "
                     "[--device D] [--json] PATH...",
                     "Classifies images with a trained model bundle (.tsmodel from `tstudio "
                     "train`), with the\nbundle's own preprocessing. PATH is an image file or a "
                     "folder (searched recursively,\nsorted).");
    parser.addOption("model", "BUNDLE", "The .tsmodel file (required).");
    parser.addOption("topk", "K", "How many classes to print per image.", "3");
    parser.addOption("csv", "OUT",
                     "Also write the CSV file OUT: path, predicted class, then one\n"
                     "probability column per class (written whole at the end, atomically).");
    parser.addOption("gradcam", "DIR",
                     "Also write, per image, DIR/<stem>.gradcam.png (where the model\n"
                     "looked for its top class, over the image) and DIR/<stem>.cam.npy\n"
                     "(float32 H x W at the image's size, 0..1, 0 outside the crop the\n"
                     "model saw). Repeated stems get -2, -3, ... Costs a backward pass\n"
                     "per image.");
    parser.addOption("device", "cpu|cuda[:N]", "Where to run.", "cpu");
    parser.addFlag("json", "One JSON object per image: {\"path\", \"predicted\", \"top\": "
                           "[{\"class\", \"prob\"}]}.");
    parser.setEpilogue(exitCodesHelp());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio predict: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    int topk = 3;
    if (!parseInt(parser.value("topk"), 1, 100000, topk)) {
        std::fprintf(stderr, "tstudio predict: --topk needs a number >= 1\n");
        return kExitUsage;
    }
    if (parser.value("model").empty() || parser.positional().empty()) {
        std::fprintf(stderr, "tstudio predict: give --model BUNDLE and at least one PATH "
                             "(see --help)\n");
        return kExitUsage;
    }
    const auto inputs =
        inference::expandImagePaths({parser.positional().begin(), parser.positional().end()});
    for (const Error& problem : inputs.problems) {
        std::fprintf(stderr, "tstudio predict: %s\n", problem.message.c_str());
    }
    auto classifier =
        training::BundleClassifier::open(parser.value("model"), parser.value("device"));
    if (!classifier) {
        std::fprintf(stderr, "tstudio predict: %s\n", classifier.message().c_str());
        return kExitModelUnavailable;
    }
    const auto& classes = classifier->info().classes;
    const bool json = parser.isSet("json");
    const std::string csvPath = parser.value("csv");
    inference::PredictionCsv csv(classes);
    bool anyFailed = !inputs.problems.empty();
    const auto report = [&](const training::Prediction& p) {
        const std::string predicted =
            p.predicted >= 0 && static_cast<std::size_t>(p.predicted) < classes.size()
                ? classes[static_cast<std::size_t>(p.predicted)]
                : std::string();
        const std::vector<int> top = inference::topClassIndices(p.probabilities, topk);
        if (json) {
            printJsonLine(predictionJson(p, predicted, top, classes));
        } else {
            std::printf("%s\n", p.path.string().c_str());
            for (std::size_t i = 0; i < top.size(); ++i) {
                const auto c = static_cast<std::size_t>(top[i]);
                std::printf("  %zu. %-24s %6.2f%%\n", i + 1, classes[c].c_str(),
                            100.0 * static_cast<double>(p.probabilities[c]));
            }
        }
        if (!csvPath.empty()) {
            csv.addRow(p.path, predicted, p.probabilities);
        }
        std::fflush(stdout);
    };
    const std::filesystem::path gradCamDir = parser.value("gradcam");
    if (!gradCamDir.empty()) {
        const GradCamOutcome outcome = writeGradCams(
            inputs.files, gradCamDir, "tstudio predict",
            [&](const imaging::RgbImage& image, const std::filesystem::path& path) {
                return classifier->gradCam(image, -1, path);
            },
            report);
        if (outcome == GradCamOutcome::OutputFailed) {
            return kExitOutputFailed;
        }
        anyFailed = anyFailed || outcome == GradCamOutcome::SomeInputsFailed;
    }
    for (std::size_t start = 0; gradCamDir.empty() && start < inputs.files.size();
         start += kChunk) {
        const std::vector<std::filesystem::path> chunk(
            inputs.files.begin() + static_cast<std::ptrdiff_t>(start),
            inputs.files.begin() +
                static_cast<std::ptrdiff_t>(std::min(start + kChunk, inputs.files.size())));
        std::vector<Error> failed;
        const auto predictions = classifier->predict(chunk, failed);
        for (const Error& error : failed) {
            std::fprintf(stderr, "tstudio predict: %s\n", error.message.c_str());
            anyFailed = true;
        }
        for (const training::Prediction& p : predictions) {
            report(p);
        }
    }
    if (!csvPath.empty()) {
        if (const Status written = csv.write(csvPath); !written) {
            std::fprintf(stderr, "tstudio predict: %s\n", written.message().c_str());
            return kExitOutputFailed;
        }
    }
    return anyFailed ? kExitSomeInputsFailed : kExitOk;
}

} // namespace tstudio::cli
