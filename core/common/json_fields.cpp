#include "core/common/json_fields.h"

namespace tstudio {

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

} // namespace

void JsonFieldWriter::operator()(const char* name, bool value) {
    put(name, value);
}

void JsonFieldWriter::operator()(const char* name, int value) {
    put(name, value);
}

void JsonFieldWriter::operator()(const char* name, float value) {
    put(name, static_cast<double>(value));
}

void JsonFieldWriter::operator()(const char* name, double value) {
    put(name, value);
}

void JsonFieldWriter::operator()(const char* name, const std::string& value) {
    put(name, QString::fromStdString(value));
}

void JsonFieldWriter::operator()(const char* name, const std::filesystem::path& value) {
    put(name, QString::fromStdString(value.string()));
}

void JsonFieldWriter::put(const char* name, const QJsonValue& value) {
    m_object.insert(key(name), value);
}

void JsonFieldReader::operator()(const char* name, bool& value) const {
    value = get(name).toBool(value);
}

void JsonFieldReader::operator()(const char* name, int& value) const {
    value = get(name).toInt(value);
}

void JsonFieldReader::operator()(const char* name, float& value) const {
    value = static_cast<float>(get(name).toDouble(value));
}

void JsonFieldReader::operator()(const char* name, double& value) const {
    value = get(name).toDouble(value);
}

void JsonFieldReader::operator()(const char* name, std::string& value) const {
    if (has(name)) {
        value = get(name).toString().toStdString();
    }
}

void JsonFieldReader::operator()(const char* name, std::filesystem::path& value) const {
    if (has(name)) {
        value = get(name).toString().toStdString();
    }
}

Status JsonFieldReader::status() const {
    if (!m_error.empty()) {
        return fail(m_error);
    }
    return success();
}

bool JsonFieldReader::has(const char* name) const {
    return m_object.contains(key(name));
}

QJsonValue JsonFieldReader::get(const char* name) const {
    return m_object.value(key(name));
}

} // namespace tstudio
