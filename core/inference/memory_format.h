#pragma once

// Private to core (torch types): the memory layout networks run in, for training and inference
// alike.

#include <torch/torch.h>

#include "core/weights/state_dict.h"

namespace tstudio::inference {

/** Converts the 4-d tensors of dict (convolution weights) to channels-last (NHWC) in place.
    set_data keeps each tensor's identity, so the network (and an optimiser) holding them runs
    channels-last from then on. */
void toChannelsLast(const weights::StateDict& dict);

/** toChannelsLast on every parameter and buffer of net. */
void toChannelsLast(torch::nn::Module& net);

/** A batch of preprocessed images as a network takes it: on device, channels-last when asked. */
torch::Tensor networkInput(const torch::Tensor& images, torch::Device device, bool channelsLast);

} // namespace tstudio::inference
