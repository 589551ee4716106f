#pragma once

// Public, Qt-Core-only: one list of a struct's JSON fields drives both its writer and its reader,
// so no field is written under one name and read under another, or written and never read.
//
//   constexpr auto cropFields = [](auto& crop, auto& field) {
//       field("enabled", crop.enabled);
//       field("size", crop.size);
//   };
//   const QJsonObject json = writeJsonFields(crop, cropFields);
//   const Status read = readJsonFields(json, crop, cropFields); // absent keys keep crop's values

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include "core/common/result.h"

namespace tstudio {

/** Collects the fields a field list names into a QJsonObject. */
class JsonFieldWriter {
public:
    void operator()(const char* name, bool value);
    void operator()(const char* name, int value);
    void operator()(const char* name, float value);
    void operator()(const char* name, double value);
    void operator()(const char* name, const std::string& value);
    void operator()(const char* name, const std::filesystem::path& value);

    /** A nested struct, written as an object by its own field list. */
    template <typename T, typename Fields>
    void object(const char* name, const T& value, Fields fields) {
        JsonFieldWriter inner;
        fields(value, inner);
        put(name, inner.m_object);
    }
    /** A value stored as its text form: format(value) gives the text, parse reads it back. */
    template <typename T, typename Format, typename Parse>
    void text(const char* name, const T& value, Format format, Parse /*parse*/) {
        put(name, QString::fromStdString(std::string(format(value))));
    }
    /** A value with its own JSON form: toJson(value) is it, fromJson reads it back. */
    template <typename T, typename ToJson, typename FromJson>
    void custom(const char* name, const T& value, ToJson toJson, FromJson /*fromJson*/) {
        put(name, toJson(value));
    }

    const QJsonObject& object() const { return m_object; }

private:
    void put(const char* name, const QJsonValue& value);

    QJsonObject m_object;
};

/**
 * Reads the fields a field list names from a QJsonObject. A key that is absent keeps the field's
 * value, so files written before a field existed load with today's default. A value of the wrong
 * JSON type reads as the field's value too (Qt's toDouble(default) and friends); a text or custom
 * field whose parser fails keeps its value and makes status() fail with the first such message.
 */
class JsonFieldReader {
public:
    explicit JsonFieldReader(QJsonObject object) : m_object(std::move(object)) {}

    void operator()(const char* name, bool& value) const;
    void operator()(const char* name, int& value) const;
    void operator()(const char* name, float& value) const;
    void operator()(const char* name, double& value) const;
    void operator()(const char* name, std::string& value) const;
    void operator()(const char* name, std::filesystem::path& value) const;

    template <typename T, typename Fields> void object(const char* name, T& value, Fields fields) {
        if (has(name)) {
            JsonFieldReader inner(get(name).toObject());
            fields(value, inner);
            if (!inner.m_error.empty() && m_error.empty()) {
                m_error = inner.m_error;
            }
        }
    }
    /** parse: std::string_view -> Result<T>. */
    template <typename T, typename Format, typename Parse>
    void text(const char* name, T& value, Format /*format*/, Parse parse) {
        if (has(name)) {
            adopt(parse(get(name).toString().toStdString()), value);
        }
    }
    /** fromJson: const QJsonValue& -> Result<T>. */
    template <typename T, typename ToJson, typename FromJson>
    void custom(const char* name, T& value, ToJson /*toJson*/, FromJson fromJson) {
        if (has(name)) {
            adopt(fromJson(get(name)), value);
        }
    }

    /** Fails with the first parser's message when a text or custom field did not parse. */
    Status status() const;

private:
    bool has(const char* name) const;
    QJsonValue get(const char* name) const;
    template <typename T> void adopt(Result<T> parsed, T& value) {
        if (parsed) {
            value = std::move(*parsed);
        } else if (m_error.empty()) {
            m_error = parsed.message();
        }
    }

    QJsonObject m_object;
    std::string m_error;
};

/** value as the object its field list describes. Any thread. */
template <typename T, typename Fields> QJsonObject writeJsonFields(const T& value, Fields fields) {
    JsonFieldWriter writer;
    fields(value, writer);
    return writer.object();
}

/** Reads json into value by its field list; see JsonFieldReader for absent and bad keys. */
template <typename T, typename Fields>
Status readJsonFields(const QJsonObject& json, T& value, Fields fields) {
    JsonFieldReader reader(json);
    fields(value, reader);
    return reader.status();
}

} // namespace tstudio
