#pragma once

#include <string>

#include "core/data/dataset_report.h"

namespace tstudio::data {

/**
 * The report as one JSON object: source, kind, inputSize, counts (per split and per class),
 * sizes, formats and problems (kind, severity "error" for unusable files else "warning",
 * message, items). Compact unless indented. Any thread.
 */
std::string reportToJson(const DatasetReport& report, bool indented = false);

} // namespace tstudio::data
