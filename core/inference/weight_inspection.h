#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace tstudio::inference {

/** What a weight file holds, and (with an architecture) how it fits that backbone. Plain data. */
struct WeightFileSummary {
    int64_t tensorCount = 0;
    int64_t elementCount = 0;
    std::map<std::string, int64_t> tensorsPerDtype; ///< "float32" -> 312, ...
    std::vector<std::string> firstKeys;             ///< up to 5 keys, in file order

    /// Filled when an architecture was given.
    std::string arch;
    bool fitsArch = false;     ///< every key matches, shapes included
    bool backboneFits = false; ///< everything but the final linear layer matches
    int64_t matched = 0;
    int64_t missing = 0;
    int64_t unexpected = 0;
    int64_t mismatched = 0;
    std::string report; ///< a few readable lines: counts, then the first keys of each kind
};

/**
 * Reads the weight file with the project's untrusted-input readers and summarises it; with a
 * non-empty arch, compares it with that backbone (1000-class head, torchvision keys) without
 * loading anything. Any thread. Fails for unreadable files or unknown architectures.
 */
Result<WeightFileSummary> inspectWeightFile(const std::filesystem::path& path,
                                            const std::string& arch = {});

} // namespace tstudio::inference
