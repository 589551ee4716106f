#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/weights/weight_records.h"

namespace tstudio::weights::formats {

/**
 * Parses a .pth in torch.save's zip format: finds <folder>/data.pkl whatever the folder is
 * called, runs it through the restricted unpickler and resolves each persistent storage id to
 * its <folder>/data/<key> member. Spans point into data. Fails with a message saying what is
 * wrong (truncated, compressed, a forbidden global, a tensor outside its storage).
 */
Result<WeightRecords> parsePthZip(std::string_view data, bool verifyChecksums = true);

/** Serialises contiguous tensors as a zip-format .pth that Python's torch.load reads. */
Result<std::string> serializePthZip(const std::vector<TensorBytes>& tensors);

} // namespace tstudio::weights::formats
