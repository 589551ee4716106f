// Every backbone on a CUDA device: its output must equal the CPU's (fp32, TF32 off), and its
// forward+backward throughput is printed, as one JSON object per backbone. Built against
// LibTorch alone (no Qt, no OpenCV), so it also proves the models compile against LibTorch 2.x.
//
//   gpu_backbones [--device cuda] [--batch 32] [--size 224] [--iters 20] [names...]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/models/factory.h"
#include "core/models/registry.h"

namespace {

double maxRelativeDifference(const torch::Tensor& a, const torch::Tensor& b) {
    const double scale = std::max(1.0, b.abs().max().item<double>());
    return (a - b).abs().max().item<double>() / scale;
}

double imagesPerSecond(tstudio::models::Backbone& net, const torch::Device& device, int batch,
                       int size, int iters, bool channelsLast) {
    net->train();
    net->to(device);
    auto input = torch::randn({batch, 3, size, size}, torch::TensorOptions().device(device));
    if (channelsLast) {
        torch::NoGradGuard noGrad;
        for (auto& parameter : net->parameters()) {
            if (parameter.dim() == 4) {
                parameter.set_data(parameter.contiguous(torch::MemoryFormat::ChannelsLast));
            }
        }
        input = input.contiguous(torch::MemoryFormat::ChannelsLast);
    }
    torch::optim::SGD optimizer(net->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));
    const auto target = torch::randint(0, net->numClasses(), {batch},
                                       torch::TensorOptions().device(device).dtype(torch::kLong));
    auto step = [&] {
        optimizer.zero_grad();
        auto loss = torch::nn::functional::cross_entropy(net->forward(input), target);
        loss.backward();
        optimizer.step();
    };
    for (int i = 0; i < 3; ++i) {
        step();
    }
    if (device.is_cuda()) {
        torch::cuda::synchronize();
    }
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iters; ++i) {
        step();
    }
    if (device.is_cuda()) {
        torch::cuda::synchronize();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return batch * iters / seconds;
}

} // namespace

int main(int argc, char** argv) {
    std::string deviceName = "cuda";
    int batch = 32;
    int size = 224;
    int iters = 20;
    std::vector<std::string> names;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&] {
            return i + 1 < argc ? std::string(argv[++i]) : std::string();
        };
        if (arg == "--device") {
            deviceName = next();
        } else if (arg == "--batch") {
            batch = std::atoi(next().c_str());
        } else if (arg == "--size") {
            size = std::atoi(next().c_str());
        } else if (arg == "--iters") {
            iters = std::atoi(next().c_str());
        } else {
            names.push_back(arg);
        }
    }
    if (names.empty()) {
        for (const auto& info : tstudio::models::backboneRegistry()) {
            names.push_back(info.name);
        }
    }
    const torch::Device device(deviceName);
    if (device.is_cuda() && !torch::cuda::is_available()) {
        std::cerr << "gpu_backbones: CUDA is not available\n";
        return 2;
    }
    // Parity is checked in exact fp32: TF32 would change the last bits on purpose.
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setAllowTF32CuBLAS(false);
    at::globalContext().setBenchmarkCuDNN(true);
    int failures = 0;
    for (const auto& name : names) {
        torch::manual_seed(0);
        auto created = tstudio::models::createBackbone(name, 1000);
        if (!created) {
            std::cerr << created.message() << "\n";
            ++failures;
            continue;
        }
        auto net = created.value();
        net->eval();
        const int checkSize = std::max(size / 2, tstudio::models::findBackbone(name)->minInputSize);
        auto input = torch::randn({2, 3, checkSize, checkSize});
        torch::Tensor cpuOut;
        torch::Tensor gpuOut;
        {
            torch::NoGradGuard noGrad;
            cpuOut = net->forward(input);
            net->to(device);
            gpuOut = net->forward(input.to(device)).cpu();
        }
        const double diff = maxRelativeDifference(gpuOut, cpuOut);
        const bool same = diff < 1e-3;
        failures += same ? 0 : 1;
        const double fp32 = imagesPerSecond(net, device, batch, size, iters, false);
        const double fp32ChannelsLast = imagesPerSecond(net, device, batch, size, iters, true);
        std::printf("{\"arch\": \"%s\", \"device\": \"%s\", \"parity_max_rel_diff\": %.3g, "
                    "\"parity_ok\": %s, \"train_images_per_s_fp32\": %.1f, "
                    "\"train_images_per_s_fp32_channels_last\": %.1f, \"batch\": %d, "
                    "\"size\": %d}\n",
                    name.c_str(), deviceName.c_str(), diff, same ? "true" : "false", fp32,
                    fp32ChannelsLast, batch, size);
        std::fflush(stdout);
    }
    return failures == 0 ? 0 : 1;
}
