#pragma once

#include <string_view>

#include "core/common/result.h"
#include "core/weights/weight_records.h"

namespace tstudio::weights::formats {

/** True if data starts like torch.save's legacy (non-zip) stream: a pickled magic number. */
bool looksLikeLegacyPth(std::string_view data);

/**
 * Parses torch.save's legacy format (_use_new_zipfile_serialization=False): pickles of the magic
 * number, protocol version and sys_info, the object pickle, the sorted list of storage keys,
 * then each storage's bytes after its int64 element count. Spans point into data.
 */
Result<WeightRecords> parsePthLegacy(std::string_view data);

} // namespace tstudio::weights::formats
