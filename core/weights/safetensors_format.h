#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/weights/weight_records.h"

namespace tstudio::weights::formats {

/** True if data starts like a .safetensors file: an 8-byte header length, then '{'. */
bool looksLikeSafetensors(std::string_view data);

/**
 * Parses a .safetensors file: 8-byte little-endian header length, a JSON header mapping names
 * to {dtype, shape, data_offsets} (plus optional "__metadata__"), then the data. Every offset
 * pair is checked against the data size and the shape. Tensors come in data order. Spans point
 * into data.
 */
Result<WeightRecords> parseSafetensors(std::string_view data);

/** Serialises contiguous tensors as .safetensors, in the given order. */
Result<std::string> serializeSafetensors(const std::vector<TensorBytes>& tensors);

} // namespace tstudio::weights::formats
