#include "core/weights/tensor_conversion.h"

#include <cstring>
#include <map>
#include <optional>

namespace tstudio::weights {

namespace {

using formats::DType;

torch::ScalarType scalarType(DType dtype) {
    switch (dtype) {
    case DType::Float32:
        return torch::kFloat32;
    case DType::Float64:
        return torch::kFloat64;
    case DType::Float16:
        return torch::kFloat16;
    case DType::BFloat16:
        return torch::kBFloat16;
    case DType::Int64:
        return torch::kInt64;
    case DType::Int32:
        return torch::kInt32;
    case DType::Int16:
        return torch::kInt16;
    case DType::Int8:
        return torch::kInt8;
    case DType::UInt8:
        return torch::kUInt8;
    case DType::Bool:
        return torch::kBool;
    }
    return torch::kFloat32;
}

std::optional<DType> recordType(torch::ScalarType type) {
    for (const DType dtype :
         {DType::Float32, DType::Float64, DType::Float16, DType::BFloat16, DType::Int64,
          DType::Int32, DType::Int16, DType::Int8, DType::UInt8, DType::Bool}) {
        if (scalarType(dtype) == type) {
            return dtype;
        }
    }
    return std::nullopt;
}

// A storage copied out of the file into aligned memory owned by torch.
torch::Tensor storageTensor(const formats::ByteSpan& span, DType dtype, std::string_view bytes) {
    const auto elementBytes = formats::dtypeSize(dtype);
    const auto count = static_cast<std::int64_t>(span.size / elementBytes);
    // Bool bytes other than 0 and 1 are undefined behaviour for torch; normalise through uint8.
    const auto raw = dtype == DType::Bool ? torch::kUInt8 : scalarType(dtype);
    torch::Tensor storage = torch::empty({count}, torch::TensorOptions().dtype(raw));
    if (count > 0) {
        std::memcpy(storage.data_ptr(), bytes.data() + span.offset,
                    static_cast<std::size_t>(count) * elementBytes);
    }
    return dtype == DType::Bool ? storage.ne(0) : storage;
}

} // namespace

Result<StateDict> tensorsFromRecords(const formats::WeightRecords& records,
                                     std::string_view bytes) {
    try {
        // A storage shared by several tensors (views) is copied once.
        std::map<std::pair<std::size_t, DType>, int> uses;
        for (const auto& record : records.tensors) {
            ++uses[{record.storage, record.dtype}];
        }
        std::map<std::pair<std::size_t, DType>, torch::Tensor> storages;
        StateDict dict;
        dict.reserve(records.tensors.size());
        for (const auto& record : records.tensors) {
            const auto key = std::make_pair(record.storage, record.dtype);
            auto [it, added] = storages.try_emplace(key);
            if (added) {
                it->second =
                    storageTensor(records.storages.at(record.storage), record.dtype, bytes);
            }
            const torch::Tensor& storage = it->second;
            torch::Tensor view =
                storage.as_strided(record.shape, record.strides, record.storageOffset);
            const bool wholeStorage = uses[key] == 1 && record.storageOffset == 0 &&
                                      view.numel() == storage.numel() && view.is_contiguous();
            dict.emplace_back(record.name,
                              wholeStorage ? view : view.clone(at::MemoryFormat::Contiguous));
            if (--uses[key] == 0) {
                storages.erase(key);
            }
        }
        return dict;
    } catch (const c10::Error& error) {
        return fail(std::string("torch could not build the tensors: ") +
                    error.what_without_backtrace());
    }
}

Result<std::vector<formats::TensorBytes>>
bytesFromStateDict(const StateDict& dict, std::vector<torch::Tensor>* keepAlive) {
    std::vector<formats::TensorBytes> out;
    keepAlive->clear();
    keepAlive->reserve(dict.size());
    for (const auto& [name, tensor] : dict) {
        if (!tensor.defined()) {
            return fail("tensor '" + name + "' is undefined");
        }
        const auto dtype = recordType(tensor.scalar_type());
        if (!dtype) {
            return fail("tensor '" + name + "' has dtype " +
                        std::string(c10::toString(tensor.scalar_type())) +
                        ", which weight files do not carry");
        }
        keepAlive->push_back(tensor.detach().to(torch::kCPU).contiguous());
        const torch::Tensor& cpu = keepAlive->back();
        out.push_back({name, *dtype, cpu.sizes().vec(),
                       std::string_view(static_cast<const char*>(cpu.data_ptr()),
                                        static_cast<std::size_t>(cpu.nbytes()))});
    }
    return out;
}

} // namespace tstudio::weights
