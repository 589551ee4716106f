#include "core/training/training_events.h"

#include <cmath>

#include <QJsonArray>
#include <QString>

namespace tstudio::training {

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

/** JSON has no NaN: a missing measurement (no validation split) becomes null. */
QJsonValue number(double value) {
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

} // namespace

QJsonObject toJson(const BatchProgress& p) {
    return QJsonObject{{key("stage"), p.stage},
                       {key("epoch"), p.epoch},
                       {key("epochs"), p.epochs},
                       {key("batch"), static_cast<qint64>(p.batch)},
                       {key("batches"), static_cast<qint64>(p.batches)},
                       {key("loss"), number(p.loss)},
                       {key("learningRate"), p.learningRate},
                       {key("imagesPerSecond"), p.imagesPerSecond},
                       {key("cachedFeatures"), p.cachedFeatures},
                       {key("etaSeconds"), p.etaSeconds},
                       {key("deviceMemoryBytes"), static_cast<qint64>(p.deviceMemoryBytes)}};
}

QJsonObject toJson(const EpochMetrics& m) {
    QJsonObject json{{key("stage"), m.stage},
                     {key("epoch"), m.epoch},
                     {key("trainLoss"), number(m.trainLoss)},
                     {key("trainAccuracy"), number(m.trainAccuracy)},
                     {key("valLoss"), number(m.valLoss)},
                     {key("valAccuracy"), number(m.valAccuracy)},
                     {key("learningRate"), m.learningRate},
                     {key("seconds"), m.seconds},
                     {key("trainImagesPerSecond"), m.trainImagesPerSecond}};
    if (m.valTop5) {
        json.insert(key("valTop5"), number(*m.valTop5));
    }
    if (m.cachedFeatures) {
        json.insert(key("cachedFeatures"), true);
    }
    return json;
}

QJsonObject toJson(const EvaluationResult& r, const std::vector<std::string>& classes) {
    QJsonArray perClass;
    for (std::size_t i = 0; i < r.perClass.size(); ++i) {
        const ClassMetrics& c = r.perClass[i];
        perClass.append(QJsonObject{
            {key("class"), i < classes.size() ? QString::fromStdString(classes[i]) : QString()},
            {key("precision"), c.precision},
            {key("recall"), c.recall},
            {key("f1"), c.f1},
            {key("support"), static_cast<qint64>(c.support)}});
    }
    QJsonArray confusion;
    for (const auto& row : r.confusion) {
        QJsonArray cells;
        for (const std::int64_t cell : row) {
            cells.append(static_cast<qint64>(cell));
        }
        confusion.append(cells);
    }
    QJsonObject json{{key("count"), static_cast<qint64>(r.count)},
                     {key("loss"), number(r.loss)},
                     {key("top1"), number(r.top1)},
                     {key("perClass"), perClass},
                     {key("confusion"), confusion}};
    if (r.top5) {
        json.insert(key("top5"), number(*r.top5));
    }
    return json;
}

QJsonObject toJson(const TrainingSummary& s) {
    QJsonArray history;
    for (const EpochMetrics& m : s.history) {
        history.append(toJson(m));
    }
    QJsonObject json{{key("bestValAccuracy"), number(s.bestValAccuracy)},
                     {key("bestEpoch"), s.bestEpoch},
                     {key("epochsRun"), s.epochsRun},
                     {key("wallSeconds"), s.wallSeconds},
                     {key("trainImagesPerSecond"), s.trainImagesPerSecond},
                     {key("cachedFeatures"), s.cachedFeatures},
                     {key("cacheImagesPerSecond"), s.cacheImagesPerSecond},
                     {key("stoppedEarly"), s.stoppedEarly},
                     {key("stopReason"), QString::fromStdString(s.stopReason)},
                     {key("bundle"), QString::fromStdString(s.bundle.string())},
                     {key("history"), history}};
    if (s.test) {
        json.insert(key("test"), toJson(*s.test, {}));
    }
    return json;
}

namespace {

double numberOf(const QJsonObject& json, const char* name) {
    const QJsonValue value = json.value(key(name));
    return value.isDouble() ? value.toDouble() : std::nan("");
}

} // namespace

EpochMetrics epochMetricsFromJson(const QJsonObject& json) {
    EpochMetrics m;
    m.stage = json.value(key("stage")).toInt(1);
    m.epoch = json.value(key("epoch")).toInt(1);
    m.trainLoss = numberOf(json, "trainLoss");
    m.trainAccuracy = numberOf(json, "trainAccuracy");
    m.valLoss = numberOf(json, "valLoss");
    m.valAccuracy = numberOf(json, "valAccuracy");
    if (json.contains(key("valTop5"))) {
        m.valTop5 = numberOf(json, "valTop5");
    }
    m.learningRate = numberOf(json, "learningRate");
    m.seconds = numberOf(json, "seconds");
    m.trainImagesPerSecond = numberOf(json, "trainImagesPerSecond");
    m.cachedFeatures = json.value(key("cachedFeatures")).toBool();
    return m;
}

EvaluationResult evaluationResultFromJson(const QJsonObject& json) {
    EvaluationResult r;
    r.count = static_cast<std::int64_t>(json.value(key("count")).toDouble());
    r.loss = numberOf(json, "loss");
    r.top1 = numberOf(json, "top1");
    if (json.contains(key("top5"))) {
        r.top5 = numberOf(json, "top5");
    }
    for (const QJsonValue& value : json.value(key("perClass")).toArray()) {
        const QJsonObject c = value.toObject();
        r.perClass.push_back(
            ClassMetrics{numberOf(c, "precision"), numberOf(c, "recall"), numberOf(c, "f1"),
                         static_cast<std::int64_t>(c.value(key("support")).toDouble())});
    }
    for (const QJsonValue& row : json.value(key("confusion")).toArray()) {
        std::vector<std::int64_t> cells;
        for (const QJsonValue& cell : row.toArray()) {
            cells.push_back(static_cast<std::int64_t>(cell.toDouble()));
        }
        r.confusion.push_back(std::move(cells));
    }
    return r;
}

TrainingSummary trainingSummaryFromJson(const QJsonObject& json) {
    TrainingSummary s;
    s.bestValAccuracy = numberOf(json, "bestValAccuracy");
    s.bestEpoch = json.value(key("bestEpoch")).toInt();
    s.epochsRun = json.value(key("epochsRun")).toInt();
    s.wallSeconds = numberOf(json, "wallSeconds");
    s.trainImagesPerSecond = numberOf(json, "trainImagesPerSecond");
    s.cachedFeatures = json.value(key("cachedFeatures")).toBool();
    s.cacheImagesPerSecond = numberOf(json, "cacheImagesPerSecond");
    s.stoppedEarly = json.value(key("stoppedEarly")).toBool();
    s.stopReason = json.value(key("stopReason")).toString().toStdString();
    s.bundle = json.value(key("bundle")).toString().toStdString();
    for (const QJsonValue& epoch : json.value(key("history")).toArray()) {
        s.history.push_back(epochMetricsFromJson(epoch.toObject()));
    }
    if (json.contains(key("test"))) {
        s.test = evaluationResultFromJson(json.value(key("test")).toObject());
    }
    return s;
}

} // namespace tstudio::training
