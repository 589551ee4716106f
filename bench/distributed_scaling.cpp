// Data-parallel scaling on the CPU: training images/s of 1, 2, ... processes at equal total
// threads (each process pinned to its share of the cores, as `tstudio train --nproc-per-node`
// does), each step forward + backward + gradient averaging over c10d/Gloo + SGD step on random
// images, and the milliseconds per step the averaging adds after backward. One JSON object per
// process count and averaging mode: after backward (overlap false) or overlapped with it, bucket
// by bucket as the gradients arrive (overlap true, what training does).
//
// distributed_scaling [--arch mobilenet_v2] [--size 160] [--batch 32] [--steps 8]
//                     [--processes 1,2] [--overlap 0,1]
// --batch is the batch of one step over all processes (each process takes batch / N), so every
// row does the same work per step.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <QJsonDocument>
#include <QJsonObject>

#include <torch/torch.h>

#include "core/common/threads.h"
#include "core/distributed/collectives.h"
#include "core/distributed/free_port.h"
#include "core/distributed/local_launcher.h"
#include "core/distributed/process_group.h"
#include "core/models/factory.h"

using namespace tstudio;

namespace {

struct Options {
    std::string arch = "mobilenet_v2";
    int size = 160;
    int batch = 32;
    int steps = 8;
    std::vector<int> processes{1, 2};
    std::vector<int> overlap{0, 1};
    bool overlapThisRun = false;
};

std::vector<int> intList(const std::string& text) {
    std::vector<int> out;
    std::stringstream list(text);
    for (std::string item; std::getline(list, item, ',');) {
        out.push_back(std::atoi(item.c_str()));
    }
    return out;
}

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/** One rank: the environment says which (no WORLD_SIZE: the only process). */
int worker(const Options& options) {

    auto config = distributed::processGroupFromEnvironment();
    if (!config) {
        std::fprintf(stderr, "%s\n", config.message().c_str());
        return 1;
    }
    std::unique_ptr<distributed::ProcessGroup> group;
    if (*config) {
        auto joined = distributed::ProcessGroup::join(**config);
        if (!joined) {
            std::fprintf(stderr, "%s\n", joined.message().c_str());
            return 1;
        }
        group = std::move(*joined);
    }
    const int world = group ? group->worldSize() : 1;
    const int threads = useAllCores();
    const int batch = std::max(1, options.batch / world);
    auto net = models::createBackbone(options.arch, 10);
    if (!net) {
        std::fprintf(stderr, "%s\n", net.message().c_str());
        return 1;
    }
    std::vector<torch::Tensor> parameters = (*net)->parameters();
    if (group) {
        distributed::broadcastFromMain(*group, parameters);
    }
    torch::optim::SGD optimizer(parameters, torch::optim::SGDOptions(0.01).momentum(0.9));
    const torch::Tensor x = torch::randn({batch, 3, options.size, options.size});
    const torch::Tensor y = torch::randint(0, 10, {batch});
    double averaging = 0.0;
    const auto step = [&] {
        optimizer.zero_grad();
        std::unique_ptr<distributed::OverlappedGradientAverager> overlap;
        if (group && options.overlapThisRun) {
            overlap = std::make_unique<distributed::OverlappedGradientAverager>(*group, parameters);
        }
        torch::nn::functional::cross_entropy((*net)->forward(x), y).backward();
        const auto start = std::chrono::steady_clock::now();
        if (overlap) {
            overlap->finish();
        } else if (group) {
            distributed::averageGradients(*group, parameters);
        }
        averaging += since(start);
        optimizer.step();
    };
    step(); // warm-up: allocations, oneDNN's kernels
    averaging = 0.0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < options.steps; ++i) {
        step();
    }
    const double seconds = since(start);
    if (!group || group->isMain()) {
        const QJsonObject row{
            {QStringLiteral("arch"), QString::fromStdString(options.arch)},
            {QStringLiteral("size"), options.size},
            {QStringLiteral("processes"), world},
            {QStringLiteral("threadsPerProcess"), threads},
            {QStringLiteral("batchPerProcess"), batch},
            {QStringLiteral("overlap"), group != nullptr && options.overlapThisRun},
            {QStringLiteral("imagesPerSecond"),
             static_cast<double>(batch) * world * options.steps / seconds},
            {QStringLiteral("averagingMsPerStep"), 1000.0 * averaging / options.steps}};
        std::printf("%s\n", QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    tuneOpenMpWaiting(argv);
    Options options;
    bool isWorker = false;
    std::vector<std::string> passOn;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--worker") {
            isWorker = true;
            continue;
        }
        if (arg == "--overlap-this-run") {
            options.overlapThisRun = true;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "usage: distributed_scaling [--arch NAME] [--size N] "
                                 "[--batch N] [--steps N] [--processes 1,2] [--overlap 0,1]\n");
            return 2;
        }
        const std::string value = argv[++i];
        if (arg == "--arch") {
            options.arch = value;
        } else if (arg == "--size") {
            options.size = std::atoi(value.c_str());
        } else if (arg == "--batch") {
            options.batch = std::atoi(value.c_str());
        } else if (arg == "--steps") {
            options.steps = std::atoi(value.c_str());
        } else if (arg == "--processes") {
            options.processes = intList(value);
        } else if (arg == "--overlap") {
            options.overlap = intList(value);
            continue; // the launcher's: each run is told its mode
        }
        passOn.push_back(arg);
        passOn.push_back(value);
    }
    if (isWorker) {
        return worker(options);
    }
    std::vector<std::pair<int, bool>> runs;
    for (const int processes : options.processes) {
        if (processes == 1) {
            runs.emplace_back(1, false);
            continue;
        }
        for (const int overlap : options.overlap) {
            runs.emplace_back(processes, overlap != 0);
        }
    }
    for (const auto& [processes, overlap] : runs) {
        distributed::LocalLaunch launch;
        launch.program = std::filesystem::read_symlink("/proc/self/exe").string();
        launch.arguments = passOn;
        launch.arguments.push_back("--worker");
        if (overlap) {
            launch.arguments.push_back("--overlap-this-run");
        }
        launch.processesPerNode = processes;
        auto port = distributed::freeLocalPort();
        if (!port) {
            std::fprintf(stderr, "%s\n", port.message().c_str());
            return 1;
        }
        launch.masterPort = *port;
        auto outcome = distributed::launchLocalRanks(launch);
        if (!outcome || outcome->exitCode != 0) {
            std::fprintf(stderr, "%d processes: %s\n", processes,
                         outcome ? outcome->message.c_str() : outcome.message().c_str());
            return 1;
        }
    }
    return 0;
}
