#include "core/weights/safetensors_format.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include "core/weights/byte_reader.h"
#include "core/weights/weight_messages.h"

namespace tstudio::weights::formats {

namespace {

// The reference implementation refuses headers over 100 MB; so do we, before allocating.
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;
// Integers above 2^53 do not survive a trip through JSON doubles.
constexpr double kMaxExactInteger = 9007199254740992.0;

struct DTypeName {
    std::string_view name;
    DType dtype;
};

constexpr std::array<DTypeName, 10> kDTypes{{
    {"F32", DType::Float32},
    {"F64", DType::Float64},
    {"F16", DType::Float16},
    {"BF16", DType::BFloat16},
    {"I64", DType::Int64},
    {"I32", DType::Int32},
    {"I16", DType::Int16},
    {"I8", DType::Int8},
    {"U8", DType::UInt8},
    {"BOOL", DType::Bool},
}};

bool toInteger(const QJsonValue& value, std::int64_t* out) {
    if (!value.isDouble()) {
        return false;
    }
    const double number = value.toDouble();
    if (!(number >= 0.0 && number <= kMaxExactInteger) || std::floor(number) != number) {
        return false;
    }
    *out = static_cast<std::int64_t>(number);
    return true;
}

Result<TensorRecord> parseEntry(const std::string& name, const QJsonValue& value,
                                std::uint64_t dataSize, ByteSpan* span) {
    const std::string where = "tensor '" + name + "'";
    if (!value.isObject()) {
        return fail(where + " is not described by a JSON object");
    }
    const QJsonObject entry = value.toObject();
    TensorRecord record;
    record.name = name;
    const std::string dtype = entry.value(QStringLiteral("dtype")).toString().toStdString();
    const auto known = std::find_if(kDTypes.begin(), kDTypes.end(),
                                    [&](const DTypeName& d) { return d.name == dtype; });
    if (known == kDTypes.end()) {
        return fail(where + " has dtype '" + dtype + "', which is not supported");
    }
    record.dtype = known->dtype;
    const QJsonValue shape = entry.value(QStringLiteral("shape"));
    if (!shape.isArray() || shape.toArray().size() > static_cast<qsizetype>(kMaxDims)) {
        return fail(where + " has no valid shape");
    }
    for (const QJsonValue dim : shape.toArray()) {
        std::int64_t size = 0;
        if (!toInteger(dim, &size)) {
            return fail(where + " has a shape entry that is not a non-negative integer");
        }
        record.shape.push_back(size);
    }
    const QJsonArray offsets = entry.value(QStringLiteral("data_offsets")).toArray();
    std::int64_t begin = 0;
    std::int64_t end = 0;
    if (offsets.size() != 2 || !toInteger(offsets[0], &begin) || !toInteger(offsets[1], &end) ||
        begin > end || static_cast<std::uint64_t>(end) > dataSize) {
        return fail(where + " has data_offsets outside the file's " + std::to_string(dataSize) +
                    " data bytes (truncated or damaged)");
    }
    const auto count = elementCount(record.shape);
    std::uint64_t bytes = 0;
    if (!count ||
        __builtin_mul_overflow(static_cast<std::uint64_t>(*count), dtypeSize(record.dtype),
                               &bytes) ||
        bytes != static_cast<std::uint64_t>(end - begin)) {
        return fail(where + " has " + std::to_string(end - begin) +
                    " data bytes, which does not match its shape and dtype");
    }
    // Safetensors data is always contiguous; strides follow from the shape (no overflow: the
    // element count fits, and a zero dimension makes every larger stride irrelevant).
    record.strides.assign(record.shape.size(), 1);
    for (std::size_t i = record.shape.size(); i-- > 1;) {
        if (__builtin_mul_overflow(record.strides[i], std::max<std::int64_t>(record.shape[i], 1),
                                   &record.strides[i - 1])) {
            return fail(where + " has a shape too large to address");
        }
    }
    span->offset = static_cast<std::uint64_t>(begin);
    span->size = bytes;
    return record;
}

} // namespace

bool looksLikeSafetensors(std::string_view data) {
    // The length is not checked here: a wrong one should get parseSafetensors' precise message.
    return data.size() >= 9 && data[8] == '{';
}

Result<WeightRecords> parseSafetensors(std::string_view data) {
    if (data.size() < 8) {
        return fail(text::kSafetensorsTooShort);
    }
    const auto headerSize = readLittle<std::uint64_t>(data.data());
    if (headerSize > kMaxHeaderBytes || headerSize > data.size() - 8) {
        return fail(
            QString::fromUtf8(text::kSafetensorsHeaderTooLong).arg(headerSize).toStdString());
    }
    QJsonParseError parseError;
    const QJsonDocument header = QJsonDocument::fromJson(
        QByteArray(data.data() + 8, static_cast<qsizetype>(headerSize)), &parseError);
    if (parseError.error != QJsonParseError::NoError || !header.isObject()) {
        return fail(QString::fromUtf8(text::kSafetensorsNotJson)
                        .arg(parseError.errorString())
                        .toStdString());
    }
    const std::uint64_t dataStart = 8 + headerSize;
    const std::uint64_t dataSize = data.size() - dataStart;
    const QJsonObject object = header.object();

    struct Placed {
        TensorRecord record;
        ByteSpan span;
    };
    std::vector<Placed> placed;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string name = it.key().toStdString();
        if (name == "__metadata__") {
            continue;
        }
        Placed entry;
        auto record = parseEntry(name, it.value(), dataSize, &entry.span);
        if (!record) {
            return record.error();
        }
        entry.record = std::move(*record);
        entry.span.offset += dataStart;
        placed.push_back(std::move(entry));
    }
    // QJsonObject sorts keys; the writer's order is the order of the data.
    std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
        return a.span.offset < b.span.offset;
    });
    WeightRecords records;
    records.format = "safetensors";
    for (Placed& entry : placed) {
        entry.record.storage = records.storages.size();
        records.storages.push_back(entry.span);
        records.tensors.push_back(std::move(entry.record));
    }
    if (records.tensors.empty()) {
        return fail(text::kSafetensorsEmpty);
    }
    if (auto status = checkRecords(records, data.size()); !status) {
        return status.error();
    }
    return records;
}

Result<std::string> serializeSafetensors(const std::vector<TensorBytes>& tensors,
                                         const std::map<std::string, std::string>& metadata) {
    QJsonObject header;
    QJsonObject meta{{QStringLiteral("format"), QStringLiteral("pt")}};
    for (const auto& [key, value] : metadata) {
        meta.insert(QString::fromStdString(key), QString::fromStdString(value));
    }
    header.insert(QStringLiteral("__metadata__"), meta);
    std::uint64_t offset = 0;
    for (const TensorBytes& tensor : tensors) {
        const auto count = elementCount(tensor.shape);
        if (!count ||
            static_cast<std::uint64_t>(*count) * dtypeSize(tensor.dtype) != tensor.data.size()) {
            return fail("tensor '" + tensor.name + "' has " + std::to_string(tensor.data.size()) +
                        " bytes, which does not match its shape");
        }
        const QString name = QString::fromStdString(tensor.name);
        if (header.contains(name)) { // "__metadata__" is already there
            return fail("tensor name '" + tensor.name + "' is reserved or repeated");
        }
        QJsonArray shape;
        for (const std::int64_t dim : tensor.shape) {
            shape.append(static_cast<qint64>(dim));
        }
        const auto name8 = std::find_if(kDTypes.begin(), kDTypes.end(), [&](const DTypeName& d) {
            return d.dtype == tensor.dtype;
        });
        header.insert(name,
                      QJsonObject{{QStringLiteral("dtype"),
                                   QString::fromLatin1(name8->name.data(),
                                                       static_cast<qsizetype>(name8->name.size()))},
                                  {QStringLiteral("shape"), shape},
                                  {QStringLiteral("data_offsets"),
                                   QJsonArray{static_cast<qint64>(offset),
                                              static_cast<qint64>(offset + tensor.data.size())}}});
        offset += tensor.data.size();
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
    while ((json.size() % 8) != 0) {
        json.append(' ');
    }
    std::string out;
    out.reserve(8 + static_cast<std::size_t>(json.size()) + static_cast<std::size_t>(offset));
    appendLittle<std::uint64_t>(out, static_cast<std::uint64_t>(json.size()));
    out.append(json.constData(), static_cast<std::size_t>(json.size()));
    for (const TensorBytes& tensor : tensors) {
        out += tensor.data;
    }
    return out;
}

Result<std::uint64_t> safetensorsHeaderLength(std::string_view prefix) {
    if (prefix.size() < 8) {
        return fail(text::kSafetensorsTooShort);
    }
    const auto headerSize = readLittle<std::uint64_t>(prefix.data());
    if (headerSize > kMaxHeaderBytes) {
        return fail(
            QString::fromUtf8(text::kSafetensorsHeaderOverLimit).arg(headerSize).toStdString());
    }
    return headerSize;
}

Result<std::map<std::string, std::string>> parseSafetensorsMetadata(std::string_view header) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray(header.data(), static_cast<qsizetype>(header.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return fail(QString::fromUtf8(text::kSafetensorsNotJson)
                        .arg(parseError.errorString())
                        .toStdString());
    }
    std::map<std::string, std::string> out;
    const QJsonValue meta = document.object().value(QStringLiteral("__metadata__"));
    if (meta.isUndefined()) {
        return out;
    }
    if (!meta.isObject()) {
        return fail("the .safetensors \"__metadata__\" is not a JSON object");
    }
    const QJsonObject object = meta.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            return fail("the .safetensors metadata entry \"" + it.key().toStdString() +
                        "\" is not a string");
        }
        out.emplace(it.key().toStdString(), it.value().toString().toStdString());
    }
    return out;
}

} // namespace tstudio::weights::formats
