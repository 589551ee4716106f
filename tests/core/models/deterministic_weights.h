#pragma once

// The deterministic weight and input formula of deterministic_weights.py, in C++. Both compute
// every value in float64 from an integer hash of (state-dict key, element index) with correctly
// rounded IEEE operations only, then round to float32, so they agree bit for bit. The formula
// is spelled out in deterministic_weights.py; change both files together and regenerate the
// fixtures with make_parity_fixtures.py.

#include <cstdint>
#include <string_view>

#include <torch/torch.h>

namespace tstudio::test {

/** FNV-1a, 64 bits, of the bytes of text. */
uint64_t fnv1a64(std::string_view text);

/** The values the formula gives the state-dict entry key of the given shape and dtype. */
torch::Tensor deterministicValues(std::string_view key, at::IntArrayRef shape,
                                  torch::ScalarType dtype);

/** The deterministic input batch of the given shape (float32, unit variance). */
torch::Tensor deterministicInput(at::IntArrayRef shape);

/**
 * Overwrites every parameter and buffer of module (recursively, torchvision keys) with
 * deterministicValues(key, ...). Returns the number of entries written.
 */
int64_t fillDeterministic(torch::nn::Module& module);

} // namespace tstudio::test
