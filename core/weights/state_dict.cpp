#include "core/weights/state_dict.h"

#include <algorithm>

#include <QByteArray>
#include <QFile>
#include <QString>

#include "core/common/atomic_file.h"
#include "core/weights/pth_zip_format.h"
#include "core/weights/safetensors_format.h"
#include "core/weights/tensor_conversion.h"
#include "core/weights/weight_file.h"
#include "core/weights/weight_messages.h"

namespace tstudio::weights {

namespace {

// The file's bytes: mapped when possible, so a 500 MB checkpoint is not copied before parsing.
class FileBytes {
public:
    Status open(const std::filesystem::path& path) {
        std::error_code code;
        if (!std::filesystem::is_regular_file(path, code)) {
            return fail(fillMessage(text::kNoSuchFile, {path.string()}));
        }
        m_file.setFileName(QString::fromStdString(path.string()));
        if (!m_file.open(QIODevice::ReadOnly)) {
            return fail(fillMessage(text::kCannotRead,
                                    {path.string(), m_file.errorString().toStdString()}));
        }
        const qint64 size = m_file.size();
        if (size == 0) {
            return success();
        }
        if (const uchar* mapped = m_file.map(0, size)) {
            m_view = std::string_view(reinterpret_cast<const char*>(mapped),
                                      static_cast<std::size_t>(size));
            return success();
        }
        m_copy = m_file.readAll();
        if (m_copy.size() != size) {
            return fail(fillMessage(text::kCannotRead,
                                    {path.string(), m_file.errorString().toStdString()}));
        }
        m_view = std::string_view(m_copy.constData(), static_cast<std::size_t>(m_copy.size()));
        return success();
    }
    std::string_view bytes() const { return m_view; }

private:
    QFile m_file;
    QByteArray m_copy;
    std::string_view m_view;
};

Status writeWith(const std::filesystem::path& path, const StateDict& dict,
                 Result<std::string> (*serialize)(const std::vector<formats::TensorBytes>&)) {
    std::vector<torch::Tensor> keepAlive;
    auto tensors = bytesFromStateDict(dict, &keepAlive);
    if (!tensors) {
        return fail(fillMessage(text::kCannotWriteWeights, {path.string(), tensors.message()}));
    }
    auto bytes = serialize(*tensors);
    if (!bytes) {
        return fail(fillMessage(text::kCannotWriteWeights, {path.string(), bytes.message()}));
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

/** DataParallel and DistributedDataParallel save their wrapped model's keys as "module.<key>". */
void stripDataParallelPrefix(StateDict& dict) {
    static const std::string kPrefix = "module.";
    const bool wrapped =
        !dict.empty() && std::all_of(dict.begin(), dict.end(), [](const auto& entry) {
            return entry.first.size() > kPrefix.size() && entry.first.starts_with(kPrefix);
        });
    if (wrapped) {
        for (auto& entry : dict) {
            entry.first.erase(0, kPrefix.size());
        }
    }
}

} // namespace

Result<StateDict> readStateDict(const std::filesystem::path& path) {
    FileBytes file;
    if (auto status = file.open(path); !status) {
        return status.error();
    }
    const std::string_view bytes = file.bytes();
    auto records = formats::parseWeightFile(bytes);
    if (!records) {
        return fail(fillMessage(text::kCannotRead, {path.string(), records.message()}));
    }
    auto dict = tensorsFromRecords(*records, bytes);
    if (!dict) {
        return fail(fillMessage(text::kCannotRead, {path.string(), dict.message()}));
    }
    stripDataParallelPrefix(*dict);
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

Status writeSafetensors(const std::filesystem::path& path, const StateDict& dict,
                        const std::map<std::string, std::string>& metadata) {
    std::vector<torch::Tensor> keepAlive;
    auto tensors = bytesFromStateDict(dict, &keepAlive);
    if (!tensors) {
        return fail(fillMessage(text::kCannotWriteWeights, {path.string(), tensors.message()}));
    }
    auto bytes = formats::serializeSafetensors(*tensors, metadata);
    if (!bytes) {
        return fail(fillMessage(text::kCannotWriteWeights, {path.string(), bytes.message()}));
    }
    return writeFileAtomically(path, *bytes);
}

Result<std::map<std::string, std::string>>
readSafetensorsMetadata(const std::filesystem::path& path) {
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly)) {
        return fail("Cannot read " + path.string() + ": " + file.errorString().toStdString() + ".");
    }
    const QByteArray prefix = file.read(8);
    auto length = formats::safetensorsHeaderLength(
        std::string_view(prefix.constData(), static_cast<std::size_t>(prefix.size())));
    if (!length) {
        return fail("Cannot read " + path.string() + ": " + length.message() + ".");
    }
    if (*length > static_cast<std::uint64_t>(file.size()) - 8) {
        return fail("Cannot read " + path.string() +
                    ": the .safetensors header is longer than the file (truncated?).");
    }
    const QByteArray header = file.read(static_cast<qint64>(*length));
    if (static_cast<std::uint64_t>(header.size()) != *length) {
        return fail("Cannot read " + path.string() + ": " + file.errorString().toStdString() + ".");
    }
    auto metadata = formats::parseSafetensorsMetadata(
        std::string_view(header.constData(), static_cast<std::size_t>(header.size())));
    if (!metadata) {
        return fail("Cannot read " + path.string() + ": " + metadata.message() + ".");
    }
    return metadata;
}

} // namespace tstudio::weights
