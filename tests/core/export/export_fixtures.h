#pragma once

// Model bundles made in a test from a TransferNet (no training run): every tensor moved off its
// initial value by seeded noise, so that a key written under the wrong name cannot go unseen.

#include <filesystem>
#include <string>
#include <vector>

#include <torch/torch.h>

namespace tstudio::test {

struct MadeBundle {
    std::filesystem::path path;
    torch::Tensor inputs; ///< seeded random inputs at the bundle's input size
    torch::Tensor logits; ///< the network's logits on them, computed before writing
};

/** Writes dir/<arch>.tsmodel: arch from scratch with head (CLI --head text), inputSize (0: the
    smallest the arch takes), three classes, one epoch of history. With calibrateNorms every
    batch norm's running statistics are set to those its input has on a random batch, so that
    activations stay near unit scale through a deep network (Inception's initialisation
    otherwise grows its logits to ~1e8, where a difference is only measurable relatively). */
MadeBundle makeBundle(const std::filesystem::path& dir, const std::string& arch,
                      const std::string& head = "neck", int inputSize = 0,
                      bool calibrateNorms = false);

/** The classes makeBundle gives every bundle. */
const std::vector<std::string>& bundleClasses();

} // namespace tstudio::test
