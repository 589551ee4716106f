#pragma once

// The reference tensors of tests/core/weights/make_fixtures.py, rebuilt in C++, and helpers.

#include <filesystem>
#include <string>

#include <torch/torch.h>

#include "core/weights/state_dict.h"

namespace tstudio::test {

/** tests/core/weights/fixtures/<name>. */
std::filesystem::path weightFixture(const std::string& name);

/** The dict make_fixtures.py's reference_tensors() saves, with the same keys and values. */
weights::StateDict referenceTensors();

/** The entry of dict named key, or an undefined tensor. */
torch::Tensor findTensor(const weights::StateDict& dict, const std::string& key);

/** Empty if a and b have the same keys in the same order and equal tensors; else what differs. */
std::string compareDicts(const weights::StateDict& actual, const weights::StateDict& expected);

} // namespace tstudio::test
