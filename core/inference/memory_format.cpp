#include "core/inference/memory_format.h"

namespace tstudio::inference {

namespace {

void makeChannelsLast(const torch::Tensor& t) {
    if (t.defined() && t.dim() == 4) {
        t.set_data(t.contiguous(torch::MemoryFormat::ChannelsLast));
    }
}

} // namespace

void toChannelsLast(const weights::StateDict& dict) {
    torch::NoGradGuard noGrad;
    for (const auto& [name, tensor] : dict) {
        makeChannelsLast(tensor);
    }
}

void toChannelsLast(torch::nn::Module& net) {
    torch::NoGradGuard noGrad;
    for (const torch::Tensor& parameter : net.parameters()) {
        makeChannelsLast(parameter);
    }
    for (const torch::Tensor& buffer : net.buffers()) {
        makeChannelsLast(buffer);
    }
}

torch::Tensor networkInput(const torch::Tensor& images, torch::Device device, bool channelsLast) {
    torch::Tensor x = images.to(device);
    return channelsLast ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x;
}

} // namespace tstudio::inference
