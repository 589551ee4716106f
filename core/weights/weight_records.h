#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

// The torch-free description of a weight file: what the parsers (zip, pickle, legacy stream,
// safetensors) produce and what the fuzzers exercise. Byte spans point into the buffer that was
// parsed; the caller keeps that buffer alive while it uses the records.
namespace tstudio::weights::formats {

/** Element types a weight file may carry (the ones torchvision and our writers use). */
enum class DType : std::uint8_t {
    Float32,
    Float64,
    Float16,
    BFloat16,
    Int64,
    Int32,
    Int16,
    Int8,
    UInt8,
    Bool,
};

/** Bytes per element. */
std::size_t dtypeSize(DType dtype);

/** Lower-case torch name ("float32", "bfloat16") for messages. */
std::string_view dtypeName(DType dtype);

/** A range [offset, offset + size) of the parsed buffer. */
struct ByteSpan {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
};

/** One named tensor: a strided view (in elements) into one storage. */
struct TensorRecord {
    std::string name;
    DType dtype = DType::Float32;
    std::vector<std::int64_t> shape;
    std::vector<std::int64_t> strides; ///< in elements, same length as shape
    std::int64_t storageOffset = 0;    ///< in elements
    std::size_t storage = 0;           ///< index into WeightRecords::storages
};

/** Everything a weight file holds, in file order. */
struct WeightRecords {
    std::string format; ///< "pth (zip)", "pth (legacy)", "safetensors"
    std::vector<ByteSpan> storages;
    std::vector<TensorRecord> tensors;
};

/** A contiguous tensor to write: name, dtype, shape and its bytes (row-major). */
struct TensorBytes {
    std::string name;
    DType dtype = DType::Float32;
    std::vector<std::int64_t> shape;
    std::string_view data;
};

/** Element count of shape, or an error on negative dimensions or int64 overflow. */
Result<std::int64_t> elementCount(const std::vector<std::int64_t>& shape);

/**
 * Checks that every element the view addresses lies inside a storage of storageBytes bytes, with
 * overflow-safe arithmetic: non-negative sizes, offset and strides, at most kMaxDims dimensions,
 * and a materialised size that stays within reach of the file's size (a zero stride could
 * otherwise turn four bytes into terabytes).
 */
Status checkTensorFits(const TensorRecord& tensor, std::uint64_t storageBytes);

/** Runs checkTensorFits on every record against its storage, and checks storage indices. */
Status checkRecords(const WeightRecords& records, std::uint64_t bufferSize);

inline constexpr std::size_t kMaxDims = 64;

} // namespace tstudio::weights::formats
