// training_throughput: how fast train() is against pure compute, on real data.
//
//   training_throughput [--what compute,finetune,feature] [--shared DIR] [--epochs-finetune 5]
//                       [--epochs-feature 10] [--batch 16] [--iters 30]
//
// compute:  MobileNetV2 forward + backward + AdamW step on in-memory tensors, 224 px, batch 16:
//           the ceiling for fine-tuning on this machine. With finetune as well, the channels-last
//           figure is taken again after it, and "computeFraction" is train()'s images/s over the
//           mean of the two: a shared machine's speed drifts by 10-20 % within minutes.
// finetune: train() fine-tuning every layer on $TSTUDIO_SHARED/datasets/hymenoptera from the
//           ImageNet weights (weights/mobilenet_v2_imagenet_dequantized.pth), augmentation on.
// feature:  train() in feature mode (backbone frozen, new linear head, augmentation off: the
//           frozen-prefix cache applies), wall time.
// Prints one JSON object. Not a test; the machine's load changes the figures.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <torch/torch.h>
#include <torch/version.h>

#include "core/common/threads.h"
#include "core/data/dataset_opener.h"
#include "core/models/factory.h"
#include "core/training/trainer.h"
#include "core/weights/state_dict.h"

#include "bench/bench_clock.h"

namespace fs = std::filesystem;
using namespace tstudio;
using namespace tstudio::training;

using namespace tstudio::bench;

namespace {

QJsonObject pureCompute(int batch, int iters, bool channelsLast) {
    auto net = *models::createBackbone("mobilenet_v2", 2);
    net->train();
    torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(1e-4));
    torch::Tensor x = torch::randn({batch, 3, 224, 224});
    const torch::Tensor y = torch::randint(0, 2, {batch}, torch::kInt64);
    if (channelsLast) {
        torch::NoGradGuard noGrad;
        for (auto& p : net->parameters()) {
            if (p.dim() == 4) {
                p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
            }
        }
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
    }
    const auto step = [&] {
        optimizer.zero_grad();
        torch::nn::functional::cross_entropy(net->forward(x), y).backward();
        optimizer.step();
    };
    for (int i = 0; i < 3; ++i) {
        step();
    }
    const auto start = Clock::now();
    for (int i = 0; i < iters; ++i) {
        step();
    }
    const double seconds = secondsSince(start);
    return QJsonObject{{key("batch"), batch},
                       {key("iterations"), iters},
                       {key("channelsLast"), channelsLast},
                       {key("imagesPerSecond"), batch * iters / seconds}};
}

class Printer : public TrainingObserver {
public:
    void log(const std::string& line) override { std::cerr << line << '\n'; }
};

QJsonObject runTraining(const data::Dataset& dataset, TrainingConfig config) {
    QTemporaryDir out;
    config.outDir = out.path().toStdString();
    Printer printer;
    TrainingControl control;
    const auto start = Clock::now();
    auto summary = train(config, dataset, printer, control);
    const double wall = secondsSince(start);
    if (!summary) {
        return QJsonObject{{key("error"), QString::fromStdString(summary.message())}};
    }
    double epochSeconds = 0.0;
    for (const EpochMetrics& m : summary->history) {
        epochSeconds += m.seconds;
    }
    std::size_t trainImages = 0;
    for (const auto& s : dataset.samples()) {
        trainImages += s.split == data::Split::Train ? 1 : 0;
    }
    QJsonObject json = toJson(*summary);
    json.remove(key("history"));
    json.remove(key("bundle"));
    json.insert(key("wallSecondsIncludingSetup"), wall);
    // The peer's definition: training images x epochs / the epochs' seconds (validation
    // included).
    json.insert(key("peerDefinitionImagesPerSecond"), static_cast<double>(trainImages) *
                                                          static_cast<double>(summary->epochsRun) /
                                                          epochSeconds);
    json.insert(key("mode"), QString::fromLatin1(toString(config.mode)));
    json.insert(key("epochs"), config.epochs);
    json.insert(key("batch"), config.batchSize);
    return json;
}

} // namespace

int main(int argc, char** argv) {
    tuneOpenMpWaiting(argv); // as the app does: measure what users run
    std::string what = "compute,finetune,feature";
    std::string shared = std::getenv("TSTUDIO_SHARED") ? std::getenv("TSTUDIO_SHARED") : "";
    int finetuneEpochs = 5, featureEpochs = 10, batch = 16, iters = 30;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::string value = argv[i + 1];
        if (arg == "--what") {
            what = value;
        } else if (arg == "--shared") {
            shared = value;
        } else if (arg == "--epochs-finetune") {
            finetuneEpochs = std::stoi(value);
        } else if (arg == "--epochs-feature") {
            featureEpochs = std::stoi(value);
        } else if (arg == "--batch") {
            batch = std::stoi(value);
        } else if (arg == "--iters") {
            iters = std::stoi(value);
        } else {
            std::cerr << "training_throughput: unknown option " << arg << '\n';
            return 2;
        }
    }
    const int threads = useAllCores();
    QJsonObject result{{key("threads"), threads},
                       {key("torch"), QString::fromLatin1(TORCH_VERSION)}};
    if (what.find("compute") != std::string::npos) {
        result.insert(key("pureCompute"), pureCompute(batch, iters, /*channelsLast=*/false));
        result.insert(key("pureComputeChannelsLast"),
                      pureCompute(batch, iters, /*channelsLast=*/true));
    }
    const bool wantsData =
        what.find("finetune") != std::string::npos || what.find("feature") != std::string::npos;
    if (wantsData) {
        if (shared.empty()) {
            std::cerr << "training_throughput: set TSTUDIO_SHARED or --shared for the data runs\n";
            return 2;
        }
        auto dataset = data::openDataset(fs::path(shared) / "datasets/hymenoptera");
        if (!dataset) {
            std::cerr << dataset.message() << '\n';
            return 1;
        }
        TrainingConfig base;
        base.arch = "mobilenet_v2";
        base.weights = fs::path(shared) / "weights/mobilenet_v2_imagenet_dequantized.pth";
        base.inputSize = 224;
        base.batchSize = batch;
        if (what.find("finetune") != std::string::npos) {
            TrainingConfig config = base;
            config.mode = TrainMode::FineTune;
            config.epochs = finetuneEpochs;
            config.augment = true;
            config.labelSmoothing = 0.1;
            config.optimizer.lr = 3e-4;
            config.optimizer.weightDecay = 0.05;
            config.lrMultipliers = {{"features", 0.3}};
            const QJsonObject finetune = runTraining(*dataset, config);
            result.insert(key("finetune"), finetune);
            if (what.find("compute") != std::string::npos) {
                const QJsonObject after = pureCompute(batch, iters, /*channelsLast=*/true);
                result.insert(key("pureComputeChannelsLastAfter"), after);
                const double reference =
                    (result.value(key("pureComputeChannelsLast"))[key("imagesPerSecond")]
                         .toDouble() +
                     after[key("imagesPerSecond")].toDouble()) /
                    2.0;
                result.insert(key("computeFraction"),
                              finetune[key("trainImagesPerSecond")].toDouble() / reference);
            }
        }
        if (what.find("feature") != std::string::npos) {
            TrainingConfig config = base;
            config.mode = TrainMode::Feature;
            config.epochs = featureEpochs;
            config.augment = false;
            result.insert(key("feature"), runTraining(*dataset, config));
        }
    }
    std::cout << QJsonDocument(result).toJson(QJsonDocument::Indented).toStdString();
    return 0;
}
