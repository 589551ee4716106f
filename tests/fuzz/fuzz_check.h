#pragma once

// What every weight-format fuzzer checks after a successful parse: the records keep the promises
// the torch layer relies on. ASan sees any read outside the input; a broken promise traps.

#include <cstdint>
#include <string_view>

#include "core/weights/weight_records.h"

namespace tstudio::fuzz {

inline void checkParsed(const weights::formats::WeightRecords& records, std::string_view data) {
    volatile std::uint8_t sink = 0;
    for (const auto& span : records.storages) {
        if (span.offset > data.size() || span.size > data.size() - span.offset) {
            __builtin_trap();
        }
        // Touch the first and last byte, as the conversion's memcpy would.
        if (span.size > 0) {
            sink = sink + static_cast<std::uint8_t>(data[span.offset]) +
                   static_cast<std::uint8_t>(data[span.offset + span.size - 1]);
        }
    }
    for (const auto& tensor : records.tensors) {
        if (tensor.storage >= records.storages.size() ||
            !weights::formats::checkTensorFits(tensor, records.storages[tensor.storage].size)) {
            __builtin_trap();
        }
    }
    (void)sink;
}

} // namespace tstudio::fuzz
