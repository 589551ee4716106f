#pragma once

#include <map>
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

/** Serialises contiguous tensors as .safetensors, in the given order. metadata joins
    {"format": "pt"} in "__metadata__" (string values, as the format requires). */
Result<std::string> serializeSafetensors(const std::vector<TensorBytes>& tensors,
                                         const std::map<std::string, std::string>& metadata = {});

/** The header length a .safetensors prefix announces (the first 8 bytes), checked against the
    100 MB limit; fails when prefix is shorter than 8 bytes. */
Result<std::uint64_t> safetensorsHeaderLength(std::string_view prefix);

/** The string entries of "__metadata__" in a header (the JSON bytes after the length). Fails on
    a header that is not a JSON object or a metadata entry that is not a string. */
Result<std::map<std::string, std::string>> parseSafetensorsMetadata(std::string_view header);

} // namespace tstudio::weights::formats
