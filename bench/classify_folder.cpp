// classify_folder: BundleClassifier::predict over a folder of photos (what the Classify page and
// `tstudio predict` run) against a plain torchvision inference loop, same machine, same run.
//
//   classify_folder [--model BUNDLE] [--shared DIR] [--threads N] [--repeat R]
//
// The photos: the 398 of $TSTUDIO_SHARED/datasets/hymenoptera (train + val). Without --model a
// MobileNetV2 bundle is trained first in feature mode (1 epoch) from
// weights/mobilenet_v2_imagenet_dequantized.pth. Ours: predict() on every photo (batches of 16,
// decoding on loader threads ahead of the forward pass). The peer: bench/classify_folder_peer.py
// under /usr/bin/python3 (Debian's torch and torchvision): PIL decode, Resize(256),
// CenterCrop(224), ToTensor, Normalize, batches of 16 on the calling thread, the same thread
// count, and torchvision's own MobileNetV2 loading the bundle exported as .pth (strict), so both
// sides run the same network; top1Agreement is the share of photos both name alike. Each side runs
// a warm-up batch, then the whole list R times (default 1), alternating, and reports its best pass.
// Prints one JSON object; the load average is in it because the figures depend on what else the
// machine runs. Then Grad-CAM on the first 32 photos, one at a time: its milliseconds per image
// beside predict()'s.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <torch/torch.h>

#include "core/common/threads.h"
#include "core/data/dataset_opener.h"
#include "core/export/model_export.h"
#include "core/training/model_bundle.h"
#include "core/training/trainer.h"
#include "core/training/training_recipe.h"

#include "bench/bench_clock.h"

namespace fs = std::filesystem;
using namespace tstudio;

using namespace tstudio::bench;

namespace {

Result<fs::path> trainBundle(const data::Dataset& dataset, const fs::path& shared,
                             const fs::path& out) {
    training::TrainingConfig config = training::recommendedConfig(training::TrainMode::Feature);
    config.arch = "mobilenet_v2";
    config.weights = shared / "weights/mobilenet_v2_imagenet_dequantized.pth";
    config.epochs = 1;
    config.outDir = out;
    training::TrainingControl control;
    training::TrainingObserver quiet;
    auto summary = training::train(config, dataset, quiet, control);
    if (!summary) {
        return summary.error();
    }
    return summary->bundle;
}

/** The peer's images/s (best pass), or an error text. */
Result<QJsonObject> runPeer(const fs::path& listFile, const fs::path& pth, int classes, int threads,
                            const fs::path& predictions) {
    const fs::path script = fs::path(TSTUDIO_SOURCE_DIR) / "bench" / "classify_folder_peer.py";
    QProcess peer;
    peer.setProcessChannelMode(QProcess::SeparateChannels);
    peer.start(key("/usr/bin/python3"),
               QStringList{QString::fromStdString(script.string()), key("--list"),
                           QString::fromStdString(listFile.string()), key("--pth"),
                           QString::fromStdString(pth.string()), key("--classes"),
                           QString::number(classes), key("--threads"), QString::number(threads),
                           key("--batch"), key("16"), key("--predictions"),
                           QString::fromStdString(predictions.string())});
    if (!peer.waitForFinished(30 * 60 * 1000) || peer.exitCode() != 0) {
        return fail("the peer failed: " + peer.readAllStandardError().toStdString());
    }
    const QJsonDocument json = QJsonDocument::fromJson(peer.readAllStandardOutput().trimmed());
    if (!json.isObject()) {
        return fail("the peer printed no JSON object");
    }
    return json.object();
}

} // namespace

int main(int argc, char** argv) {
    tuneOpenMpWaiting(argv); // as the app does; the peer inherits the same OpenMP settings
    std::string shared = std::getenv("TSTUDIO_SHARED") ? std::getenv("TSTUDIO_SHARED") : "";
    fs::path model;
    int threads = 0;
    int repeat = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::string value = argv[i + 1];
        if (arg == "--model") {
            model = value;
        } else if (arg == "--shared") {
            shared = value;
        } else if (arg == "--threads") {
            threads = std::stoi(value);
        } else if (arg == "--repeat") {
            repeat = std::max(1, std::stoi(value));
        } else {
            std::cerr << "classify_folder: unknown option " << arg << '\n';
            return 2;
        }
    }
    if (shared.empty()) {
        std::cerr << "classify_folder: set TSTUDIO_SHARED or --shared\n";
        return 2;
    }
    auto dataset = data::openDataset(fs::path(shared) / "datasets/hymenoptera");
    if (!dataset) {
        std::cerr << "classify_folder: " << dataset.message() << '\n';
        return 1;
    }
    QTemporaryDir tmp;
    const fs::path work = tmp.path().toStdString();
    double trainSeconds = 0.0;
    if (model.empty()) {
        const auto start = Clock::now();
        auto trained = trainBundle(*dataset, shared, work / "run");
        if (!trained) {
            std::cerr << "classify_folder: " << trained.message() << '\n';
            return 1;
        }
        model = *trained;
        trainSeconds = secondsSince(start);
    }
    auto classifier = training::BundleClassifier::open(model);
    if (!classifier) {
        std::cerr << "classify_folder: " << classifier.message() << '\n';
        return 1;
    }
    // open() takes every core; --threads chooses fewer (both sides get the same count).
    if (threads > 0) {
        torch::set_num_threads(threads);
    }
    threads = torch::get_num_threads();

    std::vector<fs::path> paths;
    for (const data::Sample& sample : dataset->samples()) {
        paths.push_back(sample.path);
    }
    std::sort(paths.begin(), paths.end());
    const fs::path listFile = work / "images.txt";
    {
        std::ofstream list(listFile);
        for (const fs::path& path : paths) {
            list << path.string() << '\n';
        }
    }

    // The peer runs torchvision's own model on the bundle exported as .pth (strict load): the
    // same network and weights, the same job.
    const fs::path pth = work / "model.pth";
    const auto exported = modelexport::exportModel(model, modelexport::ExportFormat::Pth, pth);
    if (!exported || !exported->torchvision.loadsStrictly) {
        std::cerr << "classify_folder: the bundle does not export to a torchvision .pth"
                  << (exported ? "" : ": " + exported.message()) << '\n';
        return 1;
    }
    const auto classes = static_cast<int>(classifier->info().classes.size());
    const fs::path peerPredictions = work / "peer_top1.txt";

    std::vector<Error> failed;
    classifier->predict({paths.begin(), paths.begin() + std::min<std::size_t>(16, paths.size())},
                        failed); // warm-up: the first forward pass allocates
    const std::string loadBefore = loadAverage();
    double ours = 0.0;
    double peerBest = 0.0;
    QJsonObject peer;
    std::vector<int> ourTop1;
    for (int pass = 0; pass < repeat; ++pass) {
        failed.clear();
        const auto start = Clock::now();
        const auto predictions = classifier->predict(paths, failed);
        const double seconds = secondsSince(start);
        if (predictions.size() + failed.size() != paths.size() || !failed.empty()) {
            std::cerr << "classify_folder: " << failed.size() << " photos failed\n";
            return 1;
        }
        ours = std::max(ours, static_cast<double>(paths.size()) / seconds);
        ourTop1.clear();
        for (const training::Prediction& p : predictions) {
            ourTop1.push_back(p.predicted);
        }
        auto peerPass = runPeer(listFile, pth, classes, threads, peerPredictions);
        if (!peerPass) {
            std::cerr << "classify_folder: " << peerPass.message() << '\n';
            return 1;
        }
        const double rate = peerPass->value(key("imagesPerSecond")).toDouble();
        if (rate > peerBest) {
            peerBest = rate;
            peer = *peerPass;
        }
    }
    // Both sides' top-1 class for every photo (predict() keeps the input order).
    std::ifstream peerTop1(peerPredictions);
    std::int64_t agreeing = 0;
    for (const int ourClass : ourTop1) {
        int peerClass = -1;
        peerTop1 >> peerClass;
        agreeing += peerClass == ourClass ? 1 : 0;
    }
    // Grad-CAM's extra cost: one forward and one backward pass per image, on its own (what the
    // Classify page's preview and `--gradcam` add to each image they explain).
    constexpr std::size_t kGradCamImages = 32;
    const std::size_t explained = std::min(kGradCamImages, paths.size());
    const auto camStart = Clock::now();
    for (std::size_t i = 0; i < explained; ++i) {
        if (auto cam = classifier->gradCam(paths[i]); !cam) {
            std::cerr << "classify_folder: " << cam.message() << '\n';
            return 1;
        }
    }
    const double gradCamMs = 1000.0 * secondsSince(camStart) / static_cast<double>(explained);
    QJsonObject result{
        {key("images"), static_cast<qint64>(paths.size())},
        {key("threads"), threads},
        {key("batch"), 16},
        {key("passes"), repeat},
        {key("tstudioImagesPerSecond"), ours},
        {key("torchvisionImagesPerSecond"), peerBest},
        {key("ratio"), peerBest > 0.0 ? ours / peerBest : 0.0},
        {key("peer"), peer},
        {key("top1Agreement"), static_cast<double>(agreeing) / static_cast<double>(paths.size())},
        {key("gradCamImages"), static_cast<qint64>(explained)},
        {key("gradCamMsPerImage"), gradCamMs},
        {key("predictMsPerImage"), ours > 0.0 ? 1000.0 / ours : 0.0},
        {key("trainSeconds"), trainSeconds},
        {key("loadAverageBefore"), QString::fromStdString(loadBefore)},
        {key("loadAverageAfter"), QString::fromStdString(loadAverage())}};
    std::cout << QJsonDocument(result).toJson(QJsonDocument::Compact).toStdString() << std::endl;
    return 0;
}
