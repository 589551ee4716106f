#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "core/common/result.h"

namespace tstudio::inference {

/**
 * The bytes of a .npy file (format version 1.0) holding a C-order float32 array of shape
 * [rows, cols], little-endian ('<f4'), header padded so the data starts on a 64-byte boundary as
 * numpy writes it. values.size() must be rows * cols. Any thread.
 */
std::string npyBytes(std::span<const float> values, int64_t rows, int64_t cols);

/** Writes npyBytes() to path atomically. Fails with a message naming the path and the reason. */
Status writeNpy(const std::filesystem::path& path, std::span<const float> values, int64_t rows,
                int64_t cols);

} // namespace tstudio::inference
