#include "core/common/devices.h"

#include <torch/torch.h>

namespace tstudio {

std::vector<std::string> availableDevices() {
    std::vector<std::string> devices{"cpu"};
    // device_count() is 0 on a CPU-only LibTorch and when no driver is loaded.
    const auto count = static_cast<int>(torch::cuda::device_count());
    for (int index = 0; index < count; ++index) {
        devices.push_back("cuda:" + std::to_string(index));
    }
    return devices;
}

} // namespace tstudio
