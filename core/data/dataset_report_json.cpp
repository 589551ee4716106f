#include "core/data/dataset_report_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace tstudio::data {

namespace {

QString text(const std::string& bytes) {
    return QString::fromStdString(bytes);
}

QJsonObject perSplit(const std::array<std::int64_t, kSplitCount>& counts) {
    QJsonObject out;
    for (int s = 0; s < kSplitCount; ++s) {
        if (counts[static_cast<std::size_t>(s)] > 0) {
            out[text(splitName(static_cast<Split>(s)))] =
                static_cast<qint64>(counts[static_cast<std::size_t>(s)]);
        }
    }
    return out;
}

} // namespace

std::string reportToJson(const DatasetReport& report, bool indented) {
    QJsonObject root;
    root[QStringLiteral("source")] = text(report.source);
    root[QStringLiteral("kind")] = text(datasetKindName(report.kind));
    root[QStringLiteral("inputSize")] = report.inputSize;
    root[QStringLiteral("images")] = static_cast<qint64>(report.sampleCount);
    root[QStringLiteral("unlabeled")] = static_cast<qint64>(report.unlabeledCount);
    root[QStringLiteral("perSplit")] = perSplit(report.perSplit);
    QJsonArray classes;
    for (const ClassSummary& c : report.classes) {
        classes.append(QJsonObject{{QStringLiteral("name"), text(c.name)},
                                   {QStringLiteral("total"), static_cast<qint64>(c.total)},
                                   {QStringLiteral("perSplit"), perSplit(c.perSplit)}});
    }
    root[QStringLiteral("classes")] = classes;
    const SizeStats& s = report.sizes;
    root[QStringLiteral("sizes")] = QJsonObject{
        {QStringLiteral("measured"), static_cast<qint64>(s.measured)},
        {QStringLiteral("minWidth"), s.minWidth},
        {QStringLiteral("minHeight"), s.minHeight},
        {QStringLiteral("maxWidth"), s.maxWidth},
        {QStringLiteral("maxHeight"), s.maxHeight},
        {QStringLiteral("meanWidth"), s.meanWidth},
        {QStringLiteral("meanHeight"), s.meanHeight},
        {QStringLiteral("smallest"), text(s.smallest)},
        {QStringLiteral("largest"), text(s.largest)},
    };
    QJsonObject formats;
    for (const auto& [name, count] : report.formats) {
        formats[text(name)] = static_cast<qint64>(count);
    }
    root[QStringLiteral("formats")] = formats;
    QJsonArray problems;
    for (const DatasetProblem& p : report.problems) {
        QJsonArray items;
        for (const std::string& item : p.items) {
            items.append(text(item));
        }
        problems.append(QJsonObject{
            {QStringLiteral("kind"), text(problemKindName(p.kind))},
            {QStringLiteral("severity"),
             isUnusable(p.kind) ? QStringLiteral("error") : QStringLiteral("warning")},
            {QStringLiteral("message"), text(p.message)},
            {QStringLiteral("items"), items},
        });
    }
    root[QStringLiteral("problems")] = problems;
    root[QStringLiteral("unusable")] = static_cast<qint64>(report.unusableFiles().size());
    return QJsonDocument(root)
        .toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact)
        .toStdString();
}

} // namespace tstudio::data
