#include "json_output.h"

#include <cstdio>

#include <QJsonDocument>

#include "core/common/parse_number.h"

namespace tstudio::cli {

void printJsonLine(const QJsonObject& json) {
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double sixDigits(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return parseNumber<double>(text).value_or(value);
}

} // namespace tstudio::cli
