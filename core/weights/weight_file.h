#pragma once

#include <string_view>

#include "core/common/result.h"
#include "core/weights/weight_records.h"

namespace tstudio::weights::formats {

/**
 * Parses any supported weight file, recognising the format by its first bytes: a zip archive
 * (torch.save, or our writePth), torch's legacy stream, or .safetensors. Spans point into data.
 * Torch-free; any thread.
 */
Result<WeightRecords> parseWeightFile(std::string_view data, bool verifyChecksums = true);

} // namespace tstudio::weights::formats
