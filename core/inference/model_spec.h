#pragma once

#include <filesystem>
#include <string>

namespace tstudio::inference {

/** Which network to run, and where. Plain data. */
struct ModelSpec {
    std::string arch;              ///< registry name, e.g. "mobilenet_v2"
    std::filesystem::path weights; ///< empty: the official file from the hub cache
    int inputSize = 0;             ///< 0: the registry's default
    std::string device = "cpu";    ///< "cpu" or "cuda" / "cuda:N"
};

} // namespace tstudio::inference
