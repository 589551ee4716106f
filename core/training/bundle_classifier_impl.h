#pragma once

// Private to core/training (torch types): BundleClassifier's state, shared by the .cpp files
// that implement its methods (model_bundle.cpp, bundle_grad_cam.cpp).

#include <optional>

#include <torch/torch.h>

#include "core/training/model_bundle.h"
#include "core/training/transfer_net.h"

namespace tstudio::training {

struct BundleClassifier::Impl {
    BundleInfo info;
    std::optional<TransferNet> net;
    torch::Device device{torch::kCPU};
};

} // namespace tstudio::training
