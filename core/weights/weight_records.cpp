#include "core/weights/weight_records.h"

#include <limits>

namespace tstudio::weights::formats {

namespace {

// A tensor may be larger than the bytes behind it only through zero strides (expand). Allow a
// generous factor so such legitimate views load, but not a few bytes turning into terabytes.
constexpr std::uint64_t kMaxExpansionFactor = 64;
constexpr std::uint64_t kExpansionAllowance = std::uint64_t{64} << 20;

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        text += (i ? ", " : "") + std::to_string(shape[i]);
    }
    return text + "]";
}

} // namespace

std::size_t dtypeSize(DType dtype) {
    switch (dtype) {
    case DType::Float64:
    case DType::Int64:
        return 8;
    case DType::Float32:
    case DType::Int32:
        return 4;
    case DType::Float16:
    case DType::BFloat16:
    case DType::Int16:
        return 2;
    case DType::Int8:
    case DType::UInt8:
    case DType::Bool:
        return 1;
    }
    return 1;
}

std::string_view dtypeName(DType dtype) {
    switch (dtype) {
    case DType::Float32:
        return "float32";
    case DType::Float64:
        return "float64";
    case DType::Float16:
        return "float16";
    case DType::BFloat16:
        return "bfloat16";
    case DType::Int64:
        return "int64";
    case DType::Int32:
        return "int32";
    case DType::Int16:
        return "int16";
    case DType::Int8:
        return "int8";
    case DType::UInt8:
        return "uint8";
    case DType::Bool:
        return "bool";
    }
    return "unknown";
}

Result<std::int64_t> elementCount(const std::vector<std::int64_t>& shape) {
    std::int64_t count = 1;
    for (const std::int64_t dim : shape) {
        if (dim < 0) {
            return fail("negative dimension in shape " + shapeText(shape));
        }
        if (__builtin_mul_overflow(count, dim, &count)) {
            return fail("shape " + shapeText(shape) + " has more elements than fit in 64 bits");
        }
    }
    return count;
}

Status checkTensorFits(const TensorRecord& tensor, std::uint64_t storageBytes) {
    const std::string where = "tensor '" + tensor.name + "'";
    if (tensor.shape.size() > kMaxDims) {
        return fail(where + " has " + std::to_string(tensor.shape.size()) +
                    " dimensions (at most " + std::to_string(kMaxDims) + " are supported)");
    }
    if (tensor.strides.size() != tensor.shape.size()) {
        return fail(where + " has " + std::to_string(tensor.strides.size()) + " strides for " +
                    std::to_string(tensor.shape.size()) + " dimensions");
    }
    if (tensor.storageOffset < 0) {
        return fail(where + " has a negative storage offset");
    }
    for (const std::int64_t stride : tensor.strides) {
        if (stride < 0) {
            return fail(where + " has a negative stride " + shapeText(tensor.strides));
        }
    }
    const auto count = elementCount(tensor.shape);
    if (!count) {
        return fail(where + ": " + count.message());
    }
    const auto elementBytes = static_cast<std::int64_t>(dtypeSize(tensor.dtype));
    if (*count == 0) {
        return success();
    }
    // Highest element index the view touches: offset + sum((size - 1) * stride).
    std::int64_t last = tensor.storageOffset;
    for (std::size_t i = 0; i < tensor.shape.size(); ++i) {
        std::int64_t step = 0;
        if (__builtin_mul_overflow(tensor.shape[i] - 1, tensor.strides[i], &step) ||
            __builtin_add_overflow(last, step, &last)) {
            return fail(where + " addresses elements beyond 64-bit range (shape " +
                        shapeText(tensor.shape) + ", strides " + shapeText(tensor.strides) + ")");
        }
    }
    std::int64_t endBytes = 0;
    if (__builtin_add_overflow(last, std::int64_t{1}, &endBytes) ||
        __builtin_mul_overflow(endBytes, elementBytes, &endBytes) ||
        static_cast<std::uint64_t>(endBytes) > storageBytes) {
        return fail(where + " (shape " + shapeText(tensor.shape) + ", strides " +
                    shapeText(tensor.strides) + ", offset " + std::to_string(tensor.storageOffset) +
                    ", " + std::string(dtypeName(tensor.dtype)) + ") reaches past the end of its " +
                    std::to_string(storageBytes) + "-byte storage");
    }
    std::int64_t tensorBytes = 0;
    if (__builtin_mul_overflow(*count, elementBytes, &tensorBytes) ||
        static_cast<std::uint64_t>(tensorBytes) >
            storageBytes * kMaxExpansionFactor + kExpansionAllowance) {
        return fail(where + " (shape " + shapeText(tensor.shape) +
                    ") would expand its storage of " + std::to_string(storageBytes) +
                    " bytes far beyond its size; refusing to allocate it");
    }
    return success();
}

Status checkRecords(const WeightRecords& records, std::uint64_t bufferSize) {
    for (const ByteSpan& span : records.storages) {
        if (span.offset > bufferSize || span.size > bufferSize - span.offset) {
            return fail("a storage lies outside the file");
        }
    }
    for (const TensorRecord& tensor : records.tensors) {
        if (tensor.storage >= records.storages.size()) {
            return fail("tensor '" + tensor.name + "' refers to a missing storage");
        }
        if (auto status = checkTensorFits(tensor, records.storages[tensor.storage].size); !status) {
            return status;
        }
    }
    return success();
}

} // namespace tstudio::weights::formats
