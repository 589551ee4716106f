#pragma once

// The committed torchvision fixtures (fixtures/<arch>.json, made by make_parity_fixtures.py).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <QString>

namespace tstudio::test {

/** One input size and torchvision's logits for it. */
struct ParityCase {
    std::vector<int64_t> inputShape;         ///< [N, 3, S, S]
    std::vector<std::vector<double>> logits; ///< [N][numClasses]
    double maxAbsLogit = 0.0;
};

/** One state-dict entry of torchvision's model. */
struct FixtureEntry {
    std::string key;
    std::vector<int64_t> shape;
    std::string dtype; ///< "float32" or "int64"
};

/** What torchvision 0.14 says about one architecture. */
struct ParityFixture {
    std::string arch;
    int64_t numClasses = 0;         ///< of the model behind cases
    int64_t parameterCount = 0;     ///< with numClasses outputs
    int64_t parameterCount1000 = 0; ///< with the 1000-class head
    std::vector<ParityCase> cases;
    /// Output shape of each registry block for cases[0]'s input, in block order.
    std::vector<std::pair<std::string, std::vector<int64_t>>> blockOutputShapes;
    std::vector<FixtureEntry> stateDict1000; ///< torchvision's state_dict() order
};

/** Reads fixtures/<arch>.json from the source tree; nullopt (and *error set) when it can't. */
std::optional<ParityFixture> loadParityFixture(const std::string& arch, QString* error);

} // namespace tstudio::test
