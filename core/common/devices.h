#pragma once

#include <string>
#include <vector>

namespace tstudio {

/**
 * The compute devices this process can use, in the form TrainingConfig::device and
 * ModelSpec::device take: "cpu" first, then "cuda:0", "cuda:1", ... when LibTorch sees CUDA
 * devices. Torch-free, so the GUI can offer only devices that exist. Any thread.
 */
std::vector<std::string> availableDevices();

} // namespace tstudio
