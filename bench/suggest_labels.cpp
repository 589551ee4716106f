// suggest_labels: label suggestions from a pretrained backbone's features on many unlabeled images.
//
//   suggest_labels [--images 5000] [--labelled 5] [--batch 32] [--size 224] [--shared DIR]
//
// Writes --images unlabeled JPEGs (160x120 px, three colour classes: a red, green or blue tone of
// varied strength under random shapes and noise) plus --labelled labelled ones per class into a
// temporary folder, then runs LabelSuggester::suggest with the shared ImageNet MobileNetV2
// ($TSTUDIO_SHARED/weights/mobilenet_v2_imagenet_dequantized.pth) at --size px on all cores.
// Reports: images/s over the unlabeled images, total seconds, seconds until the first suggestions
// reached the progress callback, threads, how many suggestions are right, and a second run after
// ten suggestions were accepted (all features cached: nothing encoded, only scored).
// Prints one JSON object. Not a test; the machine's load changes the figures.

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "core/common/threads.h"
#include "core/data/dataset.h"
#include "core/inference/label_suggester.h"

#include "bench/bench_clock.h"

namespace fs = std::filesystem;
using namespace tstudio;

using namespace tstudio::bench;

namespace {

constexpr int kClasses = 3;

cv::Mat colourImage(int cls, std::mt19937& rng) {
    std::uniform_int_distribution<int> strong(120, 255);
    std::uniform_int_distribution<int> weak(0, 110);
    std::uniform_int_distribution<int> any(0, 255);
    std::uniform_int_distribution<int> x(0, 159);
    std::uniform_int_distribution<int> y(0, 119);
    cv::Scalar background;
    for (int c = 0; c < 3; ++c) {
        background[c] = c == 2 - cls ? strong(rng) : weak(rng); // BGR
    }
    cv::Mat image(120, 160, CV_8UC3, background);
    for (int s = 0; s < 4; ++s) {
        const cv::Scalar colour(any(rng), any(rng), any(rng));
        if (s % 2 == 0) {
            cv::circle(image, {x(rng), y(rng)}, 5 + x(rng) / 10, colour, cv::FILLED);
        } else {
            cv::rectangle(image, {x(rng), y(rng)}, {x(rng), y(rng)}, colour, 3);
        }
    }
    cv::Mat noise(image.size(), CV_8UC3);
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(12));
    cv::Mat noisy;
    cv::add(image, noise, noisy, cv::noArray(), CV_8UC3);
    return noisy;
}

struct Generated {
    data::Dataset dataset;
    std::vector<int> truth;
};

Generated generate(const fs::path& dir, int unlabeled, int labelledPerClass) {
    Generated g{data::Dataset(data::DatasetKind::Custom, dir), {}};
    for (const char* name : {"red", "green", "blue"}) {
        g.dataset.addClass(name);
    }
    std::mt19937 rng(11);
    const int total = unlabeled + labelledPerClass * kClasses;
    for (int i = 0; i < total; ++i) {
        const int cls = i % kClasses;
        data::Sample sample;
        sample.path = dir / ("img_" + std::to_string(i) + ".jpg");
        if (!cv::imwrite(sample.path.string(), colourImage(cls, rng))) {
            std::cerr << "suggest_labels: cannot write " << sample.path << '\n';
            std::exit(1);
        }
        sample.label = i < labelledPerClass * kClasses ? cls : data::kUnlabeled;
        g.dataset.addSample(sample);
        g.truth.push_back(cls);
    }
    return g;
}

} // namespace

int main(int argc, char** argv) {
    tuneOpenMpWaiting(argv); // as the app does: measure what users run
    std::string shared = std::getenv("TSTUDIO_SHARED") ? std::getenv("TSTUDIO_SHARED") : "";
    int images = 5000, labelled = 5, batch = 32, size = 224;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::string value = argv[i + 1];
        if (arg == "--images") {
            images = std::stoi(value);
        } else if (arg == "--labelled") {
            labelled = std::stoi(value);
        } else if (arg == "--batch") {
            batch = std::stoi(value);
        } else if (arg == "--size") {
            size = std::stoi(value);
        } else if (arg == "--shared") {
            shared = value;
        } else {
            std::cerr << "suggest_labels: unknown option " << arg << '\n';
            return 2;
        }
    }
    if (shared.empty()) {
        std::cerr << "suggest_labels: set TSTUDIO_SHARED or --shared (the weights)\n";
        return 2;
    }
    const int threads = useAllCores();
    QTemporaryDir tmp;
    const auto writeStart = Clock::now();
    Generated g = generate(fs::path(tmp.path().toStdString()), images, labelled);
    const double writeSeconds = secondsSince(writeStart);

    inference::ModelSpec spec;
    spec.arch = "mobilenet_v2";
    spec.weights = fs::path(shared) / "weights/mobilenet_v2_imagenet_dequantized.pth";
    spec.inputSize = size;
    auto suggester = inference::LabelSuggester::open(spec);
    if (!suggester) {
        std::cerr << suggester.message() << '\n';
        return 1;
    }
    inference::SuggestOptions options;
    options.batchSize = batch;
    const std::atomic_bool cancel{false};
    const auto start = Clock::now();
    double firstSuggestions = -1;
    double suggestingStarted = -1;
    auto report = suggester->suggest(
        g.dataset, options,
        [&](const inference::SuggestionProgress& p) {
            if (p.stage == inference::SuggestStage::LabelledImages && p.done == p.total) {
                suggestingStarted = secondsSince(start);
            }
            if (firstSuggestions < 0 && !p.suggestions.empty()) {
                firstSuggestions = secondsSince(start);
            }
        },
        cancel);
    const double total = secondsSince(start);
    if (!report) {
        std::cerr << report.message() << '\n';
        return 1;
    }
    int right = 0;
    for (const inference::Suggestion& s : report->suggestions) {
        right += s.label == g.truth[s.sampleIndex] ? 1 : 0;
    }

    // Accept ten suggestions and ask again: the centroids change, the features are cached.
    for (std::size_t i = 0; i < 10 && i < report->suggestions.size(); ++i) {
        g.dataset.relabel(report->suggestions[i].sampleIndex, report->suggestions[i].label);
    }
    const std::size_t encodedBefore = suggester->stats().encoded;
    const auto againStart = Clock::now();
    auto again = suggester->suggest(g.dataset, options, {}, cancel);
    const double againSeconds = secondsSince(againStart);
    if (!again) {
        std::cerr << again.message() << '\n';
        return 1;
    }

    const QJsonObject result{
        {key("arch"), QString::fromLatin1("mobilenet_v2")},
        {key("inputSize"), size},
        {key("batch"), batch},
        {key("threads"), threads},
        {key("unlabeledImages"), images},
        {key("labelledPerClass"), labelled},
        {key("writeImagesSeconds"), writeSeconds},
        {key("totalSeconds"), total},
        {key("centroidSeconds"), suggestingStarted},
        {key("firstSuggestionsSeconds"), firstSuggestions},
        {key("imagesPerSecond"), images / (total - suggestingStarted)},
        {key("suggestions"), static_cast<qint64>(report->suggestions.size())},
        {key("right"), right},
        {key("skipped"), static_cast<qint64>(report->skipped.size())},
        {key("rerunSeconds"), againSeconds},
        {key("rerunEncoded"), static_cast<qint64>(suggester->stats().encoded - encodedBefore)},
    };
    std::cout << QJsonDocument(result).toJson(QJsonDocument::Indented).toStdString();
    return 0;
}
