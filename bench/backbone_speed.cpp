// backbone_speed: every backbone's CPU speed from scratch (random weights), on random tensors.
//
//   backbone_speed [--arch a,b] [--batch 8] [--iterations 3] [--size 224]
//                  [--what forward,train]
//
// forward: eval mode under InferenceMode, images/s. train: forward + backward + SGD step in
// train mode, images/s. One untimed warm-up, then --iterations timed passes each. The BLAS
// library LibTorch calls is named in the output: with the reference BLAS every Linear layer and
// ConvNeXt's pointwise convolutions run many times slower (install libopenblas0-openmp).
// Backbones that need a larger input than --size (Inception-v3: 75 px) get their minimum.
// Prints one JSON object. Not a test; the machine's load changes the figures.

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <torch/torch.h>
#include <torch/version.h>

#include "core/common/blas_info.h"
#include "core/common/threads.h"
#include "core/models/factory.h"
#include "core/models/registry.h"

#include "bench/bench_clock.h"

using namespace tstudio;

using namespace tstudio::bench;

namespace {

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, ',');) {
        if (!part.empty()) {
            parts.push_back(part);
        }
    }
    return parts;
}

/** images/s of step() over iterations timed calls, after one untimed warm-up call. */
template <typename Step> double imagesPerSecond(int batch, int iterations, const Step& step) {
    step(); // first-call allocations and lazy initialisation stay out of the timing
    const auto start = Clock::now();
    for (int i = 0; i < iterations; ++i) {
        step();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return batch * iterations / seconds;
}

QJsonObject measure(const models::BackboneInfo& info, int batch, int iterations, int size,
                    bool forward, bool train) {
    torch::manual_seed(0);
    auto net = *models::createBackbone(info.name, 1000);
    const int side = std::max(size, info.minInputSize);
    const torch::Tensor x = torch::randn({batch, 3, side, side});
    QJsonObject json{{key("name"), QString::fromStdString(info.name)},
                     {key("inputSize"), side},
                     {key("parameters"), static_cast<qint64>(info.parameterCount)}};
    if (forward) {
        net->eval();
        const double rate = imagesPerSecond(batch, iterations, [&] {
            const torch::InferenceMode inference;
            net->forward(x);
        });
        json.insert(key("forwardImagesPerSecond"), rate);
    }
    if (train) {
        net->train();
        torch::optim::SGD optimizer(net->parameters(),
                                    torch::optim::SGDOptions(0.01).momentum(0.9));
        const torch::Tensor y = torch::randint(0, 1000, {batch}, torch::kInt64);
        const double rate = imagesPerSecond(batch, iterations, [&] {
            optimizer.zero_grad();
            torch::nn::functional::cross_entropy(net->forward(x), y).backward();
            optimizer.step();
        });
        json.insert(key("trainImagesPerSecond"), rate);
    }
    return json;
}

} // namespace

int main(int argc, char** argv) {
    tuneOpenMpWaiting(argv); // as the app does: measure what users run
    std::vector<std::string> archs;
    std::string what = "forward,train";
    int batch = 8, iterations = 3, size = 224;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const std::string value = argv[i + 1];
        if (arg == "--arch") {
            archs = splitList(value);
        } else if (arg == "--batch") {
            batch = std::stoi(value);
        } else if (arg == "--iterations") {
            iterations = std::stoi(value);
        } else if (arg == "--size") {
            size = std::stoi(value);
        } else if (arg == "--what") {
            what = value;
        } else {
            std::cerr << "backbone_speed: unknown option " << arg << '\n';
            return 2;
        }
    }
    if (argc % 2 == 0 || batch < 1 || iterations < 1 || size < 1) {
        std::cerr << "usage: backbone_speed [--arch a,b] [--batch N] [--iterations N] [--size N] "
                     "[--what forward,train]\n";
        return 2;
    }
    std::vector<const models::BackboneInfo*> selected;
    if (archs.empty()) {
        for (const auto& info : models::backboneRegistry()) {
            selected.push_back(&info);
        }
    }
    for (const std::string& name : archs) {
        const models::BackboneInfo* info = models::findBackbone(name);
        if (info == nullptr) {
            std::cerr << "backbone_speed: unknown backbone " << name
                      << "; known: " << models::knownBackboneNames() << '\n';
            return 2;
        }
        selected.push_back(info);
    }
    const bool forward = what.find("forward") != std::string::npos;
    const bool train = what.find("train") != std::string::npos;
    const int threads = useAllCores();
    const BlasInfo blas = loadedBlas();
    QJsonArray results;
    for (const models::BackboneInfo* info : selected) {
        std::cerr << "backbone_speed: " << info->name << '\n';
        results.append(measure(*info, batch, iterations, size, forward, train));
    }
    const QJsonObject out{
        {key("torch"), QString::fromLatin1(TORCH_VERSION)},
        {key("threads"), threads},
        {key("blas"), QJsonObject{{key("name"), QString::fromStdString(blas.name)},
                                  {key("library"), QString::fromStdString(blas.library)},
                                  {key("reference"), blas.isReference}}},
        {key("batch"), batch},
        {key("iterations"), iterations},
        {key("size"), size},
        {key("backbones"), results}};
    std::cout << QJsonDocument(out).toJson(QJsonDocument::Indented).toStdString();
    return 0;
}
