#include "core/inference/npy_writer.h"

#include <bit>
#include <cstring>

#include <QtGlobal>

#include "core/common/atomic_file.h"

namespace tstudio::inference {

std::string npyBytes(std::span<const float> values, int64_t rows, int64_t cols) {
    Q_ASSERT(static_cast<int64_t>(values.size()) == rows * cols);
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" +
                         std::to_string(rows) + ", " + std::to_string(cols) + "), }";
    // magic (6) + version (2) + header length (2) + header, padded with spaces, ending in '\n'.
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header.push_back('\n');

    std::string out("\x93NUMPY\x01\x00", 8);
    out.push_back(static_cast<char>(header.size() & 0xFF));
    out.push_back(static_cast<char>(header.size() >> 8));
    out += header;
    const std::size_t dataStart = out.size();
    out.resize(dataStart + values.size() * sizeof(float));
    std::memcpy(out.data() + dataStart, values.data(), values.size() * sizeof(float));
    if constexpr (std::endian::native == std::endian::big) {
        for (std::size_t i = dataStart; i < out.size(); i += 4) {
            std::swap(out[i], out[i + 3]);
            std::swap(out[i + 1], out[i + 2]);
        }
    }
    return out;
}

Status writeNpy(const std::filesystem::path& path, std::span<const float> values, int64_t rows,
                int64_t cols) {
    return writeFileAtomically(path, npyBytes(values, rows, cols));
}

} // namespace tstudio::inference
