#include "parity_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include "tests/test_support.h"

namespace tstudio::test {

namespace {

std::vector<int64_t> toShape(const QJsonValue& value) {
    std::vector<int64_t> shape;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array) {
        shape.push_back(v.toInteger());
    }
    return shape;
}

} // namespace

std::optional<ParityFixture> loadParityFixture(const std::string& arch, QString* error) {
    const QString path = sourceDir() + QStringLiteral("/tests/core/models/fixtures/") +
                         QString::fromStdString(arch) + QStringLiteral(".json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no fixture %1 (%2): run make_parity_fixtures.py %3")
                     .arg(path, file.errorString(), QString::fromStdString(arch));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull()) {
        *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    ParityFixture fixture;
    fixture.arch = root.value(QStringLiteral("arch")).toString().toStdString();
    fixture.numClasses = root.value(QStringLiteral("num_classes")).toInteger();
    fixture.parameterCount = root.value(QStringLiteral("parameter_count")).toInteger();
    fixture.parameterCount1000 = root.value(QStringLiteral("parameter_count_1000")).toInteger();
    const QJsonArray cases = root.value(QStringLiteral("cases")).toArray();
    for (const QJsonValue& c : cases) {
        const QJsonObject object = c.toObject();
        ParityCase parityCase;
        parityCase.inputShape = toShape(object.value(QStringLiteral("input_shape")));
        parityCase.maxAbsLogit = object.value(QStringLiteral("max_abs_logit")).toDouble();
        const QJsonArray rows = object.value(QStringLiteral("logits")).toArray();
        for (const QJsonValue& row : rows) {
            std::vector<double> values;
            const QJsonArray rowArray = row.toArray();
            for (const QJsonValue& v : rowArray) {
                values.push_back(v.toDouble());
            }
            parityCase.logits.push_back(std::move(values));
        }
        fixture.cases.push_back(std::move(parityCase));
    }
    const QJsonArray blocks = root.value(QStringLiteral("block_output_shapes")).toArray();
    for (const QJsonValue& b : blocks) {
        const QJsonArray pair = b.toArray();
        fixture.blockOutputShapes.emplace_back(pair.at(0).toString().toStdString(),
                                               toShape(pair.at(1)));
    }
    const QJsonArray entries = root.value(QStringLiteral("state_dict_1000")).toArray();
    for (const QJsonValue& e : entries) {
        const QJsonArray triple = e.toArray();
        fixture.stateDict1000.push_back({triple.at(0).toString().toStdString(),
                                         toShape(triple.at(1)),
                                         triple.at(2).toString().toStdString()});
    }
    if (fixture.arch != arch || fixture.cases.empty() || fixture.stateDict1000.empty()) {
        *error = QStringLiteral("%1 is not a complete fixture for %2")
                     .arg(path, QString::fromStdString(arch));
        return std::nullopt;
    }
    return fixture;
}

} // namespace tstudio::test
