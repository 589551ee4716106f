#include "core/weights/state_dict.h"

#include <fstream>
#include <sstream>

#include "core/common/atomic_file.h"
#include "core/weights/pth_zip_format.h"
#include "core/weights/safetensors_format.h"
#include "core/weights/tensor_conversion.h"
#include "core/weights/weight_file.h"

namespace tstudio::weights {

namespace {

Result<std::string> readWholeFile(const std::filesystem::path& path) {
    std::error_code code;
    if (!std::filesystem::is_regular_file(path, code)) {
        return fail("Cannot read weights from " + path.string() +
                    ": no such file. Check the path, or choose another .pth/.safetensors file.");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf())) {
        return fail("Cannot read weights from " + path.string() +
                    ": the file cannot be opened (permissions?).");
    }
    return std::move(bytes).str();
}

Status writeWith(const std::filesystem::path& path, const StateDict& dict,
                 Result<std::string> (*serialize)(const std::vector<formats::TensorBytes>&)) {
    std::vector<torch::Tensor> keepAlive;
    auto tensors = bytesFromStateDict(dict, &keepAlive);
    if (!tensors) {
        return fail("Cannot write " + path.string() + ": " + tensors.message() + ".");
    }
    auto bytes = serialize(*tensors);
    if (!bytes) {
        return fail("Cannot write " + path.string() + ": " + bytes.message() + ".");
    }
    return writeFileAtomically(path, *bytes);
}

void appendOwnTensors(const torch::nn::Module& module, const std::string& prefix, StateDict& dict) {
    const auto key = [&](const std::string& name) {
        return prefix.empty() ? name : prefix + "." + name;
    };
    // PyTorch's state_dict order: a module's own parameters, then its buffers, then children.
    for (const auto& item : module.named_parameters(/*recurse=*/false)) {
        if (item.value().defined()) {
            dict.emplace_back(key(item.key()), item.value());
        }
    }
    for (const auto& item : module.named_buffers(/*recurse=*/false)) {
        if (item.value().defined()) {
            dict.emplace_back(key(item.key()), item.value());
        }
    }
}

} // namespace

Result<StateDict> readStateDict(const std::filesystem::path& path) {
    auto bytes = readWholeFile(path);
    if (!bytes) {
        return bytes.error();
    }
    auto records = formats::parseWeightFile(*bytes);
    if (!records) {
        return fail("Cannot read weights from " + path.string() + ": " + records.message() + ".");
    }
    auto dict = tensorsFromRecords(*records, *bytes);
    if (!dict) {
        return fail("Cannot read weights from " + path.string() + ": " + dict.message() + ".");
    }
    return dict;
}

StateDict stateDictOf(const torch::nn::Module& module) {
    StateDict dict;
    appendOwnTensors(module, "", dict);
    // include_self=false: the root may live on the stack, where shared_from_this would throw.
    for (const auto& item : module.named_modules(/*name_prefix=*/"", /*include_self=*/false)) {
        appendOwnTensors(*item.value(), item.key(), dict);
    }
    return dict;
}

Status writePth(const std::filesystem::path& path, const StateDict& dict) {
    return writeWith(path, dict, &formats::serializePthZip);
}

Status writeSafetensors(const std::filesystem::path& path, const StateDict& dict) {
    return writeWith(path, dict, &formats::serializeSafetensors);
}

} // namespace tstudio::weights
