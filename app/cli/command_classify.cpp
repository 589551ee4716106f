// tstudio classify: ImageNet classes of photos with a pretrained backbone.

#include <cstdio>
#include <filesystem>

#include <QJsonArray>
#include <QJsonObject>

#include "arg_parser.h"
#include "commands.h"
#include "core/inference/image_classifier.h"
#include "core/inference/image_paths.h"
#include "exit_codes.h"
#include "grad_cam_output.h"
#include "json_output.h"
#include "model_options.h"

namespace tstudio::cli {

namespace {

void printJson(const inference::Prediction& prediction) {
    QJsonArray top;
    for (const auto& score : prediction.top) {
        top.append(QJsonObject{{QStringLiteral("index"), score.index},
                               {QStringLiteral("label"), QString::fromStdString(score.label)},
                               {QStringLiteral("prob"), sixDigits(score.probability)}});
    }
    printJsonLine(
        QJsonObject{{QStringLiteral("path"), QString::fromStdString(prediction.path.string())},
                    {QStringLiteral("top"), top}});
}

void printText(const inference::Prediction& prediction) {
    std::printf("%s\n", prediction.path.string().c_str());
    for (std::size_t i = 0; i < prediction.top.size(); ++i) {
        const auto& score = prediction.top[i];
        std::printf("  %zu. %-32s %4d  %6.2f%%\n", i + 1, score.label.c_str(), score.index,
                    100.0 * static_cast<double>(score.probability));
    }
}

} // namespace

int runClassify(const std::vector<std::string>& args) {
    ArgParser parser(
        "tstudio classify --arch NAME [--weights FILE] [--size N] [--topk K] [--device D] "
        "[--batch N] [--gradcam DIR] [--json] PATH...",
        "Names the ImageNet classes of images with a pretrained backbone, preprocessed as\n"
        "torchvision does (resize, center crop, normalize). PATH is an image file or a folder\n"
        "(searched recursively, sorted; files whose content or extension says image).");
    addModelOptions(parser);
    parser.addOption("topk", "K", "How many classes to print per image.", "5");
    parser.addOption("batch", "N", "Images per forward pass.", "16");
    parser.addOption("gradcam", "DIR",
                     "Also write, per image, DIR/<stem>.gradcam.png (where the network\n"
                     "looked for its top class, over the image) and DIR/<stem>.cam.npy\n"
                     "(float32 H x W at the image's size, 0..1, 0 outside the crop the\n"
                     "network saw). Repeated stems get -2, -3, ... Images then go one at\n"
                     "a time (--batch is ignored): a backward pass each.");
    parser.addFlag("json", "One JSON object per image: {\"path\", \"top\": [{\"index\", \"label\", "
                           "\"prob\"}]}.");
    parser.setEpilogue(weightsHelp() + exitCodesHelp());
    if (!parser.parse(args)) {
        std::fprintf(stderr, "tstudio classify: %s (see --help)\n", parser.error().c_str());
        return kExitUsage;
    }
    if (parser.helpRequested()) {
        std::fputs(parser.helpText().c_str(), stdout);
        return kExitOk;
    }
    int topk = 5;
    if (!parseInt(parser.value("topk"), 1, 1000, topk)) {
        std::fprintf(stderr, "tstudio classify: --topk needs a number from 1 to 1000\n");
        return kExitUsage;
    }
    int batchSize = 16;
    if (!parseInt(parser.value("batch"), 1, 4096, batchSize)) {
        std::fprintf(stderr, "tstudio classify: --batch needs a number from 1 to 4096\n");
        return kExitUsage;
    }
    if (parser.positional().empty()) {
        std::fprintf(stderr, "tstudio classify: no PATH given (see --help)\n");
        return kExitUsage;
    }
    const auto spec = modelSpecFrom(parser);
    if (!spec) {
        return kExitUsage;
    }

    const auto inputs =
        inference::expandImagePaths({parser.positional().begin(), parser.positional().end()});
    for (const Error& problem : inputs.problems) {
        std::fprintf(stderr, "tstudio: %s\n", problem.message.c_str());
    }
    auto classifier = inference::ImageClassifier::open(*spec);
    if (!classifier) {
        std::fprintf(stderr, "tstudio: %s\n", classifier.message().c_str());
        return kExitModelUnavailable;
    }
    bool anyFailed = !inputs.problems.empty();
    const bool json = parser.isSet("json");
    const std::filesystem::path gradCamDir = parser.value("gradcam");
    if (!gradCamDir.empty()) {
        const GradCamOutcome outcome = writeGradCams(
            inputs.files, gradCamDir, "tstudio",
            [&](const imaging::RgbImage& image, const std::filesystem::path& path) {
                return classifier->gradCam(image, -1, topk, path);
            },
            [json](const inference::Prediction& p) { json ? printJson(p) : printText(p); });
        if (outcome == GradCamOutcome::OutputFailed) {
            return kExitOutputFailed;
        }
        return anyFailed || outcome == GradCamOutcome::SomeInputsFailed ? kExitSomeInputsFailed
                                                                        : kExitOk;
    }
    const Status status = classifier->classifyAll(
        inputs.files, topk, batchSize,
        [json](const inference::Prediction& prediction) {
            json ? printJson(prediction) : printText(prediction);
            std::fflush(stdout); // results as they come, for pipes
        },
        [&anyFailed](const Error& error) {
            std::fprintf(stderr, "tstudio: %s\n", error.message.c_str());
            anyFailed = true;
        });
    if (!status) {
        std::fprintf(stderr, "tstudio: %s\n", status.message().c_str());
        return kExitModelUnavailable;
    }
    return anyFailed ? kExitSomeInputsFailed : kExitOk;
}

} // namespace tstudio::cli
