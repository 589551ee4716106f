#include "core/training/run_state.h"

#include <QJsonArray>

namespace tstudio::training {

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

QJsonObject toJson(const LrSchedule::PlateauState& plateau) {
    return QJsonObject{{key("factor"), plateau.factor},
                       {key("best"), plateau.best},
                       {key("haveBest"), plateau.haveBest},
                       {key("badEpochs"), plateau.badEpochs}};
}

LrSchedule::PlateauState plateauFromJson(const QJsonObject& json) {
    return LrSchedule::PlateauState{
        json.value(key("factor")).toDouble(1.0), json.value(key("best")).toDouble(),
        json.value(key("haveBest")).toBool(), json.value(key("badEpochs")).toInt()};
}

std::optional<EvaluationResult> validationFromJson(const QJsonValue& json) {
    if (!json.isObject()) {
        return std::nullopt;
    }
    return evaluationResultFromJson(json.toObject());
}

} // namespace

QJsonObject toJson(const RunState& state) {
    QJsonArray history;
    for (const EpochMetrics& m : state.history) {
        history.append(toJson(m));
    }
    QJsonObject json{{key("stageIndex"), static_cast<int>(state.stageIndex)},
                     {key("stageEpochsDone"), state.stageEpochsDone},
                     {key("stageEnded"), state.stageEnded},
                     {key("history"), history},
                     {key("best"), state.best.toJson()},
                     {key("earlyStopping"), state.early.toJson()},
                     {key("plateau"), toJson(state.plateau)}};
    // Class names are the run's own (the bundle writes them); the state keeps only the numbers.
    if (state.bestValidation) {
        json.insert(key("bestValidation"), toJson(*state.bestValidation, {}));
    }
    if (state.lastValidation) {
        json.insert(key("lastValidation"), toJson(*state.lastValidation, {}));
    }
    return json;
}

Status restoreRunState(RunState& state, const QJsonObject& json) {
    const int stageIndex = json.value(key("stageIndex")).toInt(-1);
    const int stageEpochsDone = json.value(key("stageEpochsDone")).toInt(-1);
    if (stageIndex < 0 || stageIndex > 1 || stageEpochsDone < 0 ||
        !json.value(key("history")).isArray() || !json.value(key("best")).isObject()) {
        return fail("the run state is malformed");
    }
    state.stageIndex = static_cast<std::size_t>(stageIndex);
    state.stageEpochsDone = stageEpochsDone;
    state.stageEnded = json.value(key("stageEnded")).toBool();
    state.history.clear();
    for (const QJsonValue& m : json.value(key("history")).toArray()) {
        state.history.push_back(epochMetricsFromJson(m.toObject()));
    }
    state.best = BestEpoch::fromJson(json.value(key("best")).toObject());
    if (state.best.epoch() < 0 || state.best.epoch() > static_cast<int>(state.history.size())) {
        return fail("the run state's best epoch is not one of its epochs");
    }
    state.bestValidation = validationFromJson(json.value(key("bestValidation")));
    state.lastValidation = validationFromJson(json.value(key("lastValidation")));
    state.early.restore(json.value(key("earlyStopping")).toObject());
    state.plateau = plateauFromJson(json.value(key("plateau")).toObject());
    return success();
}

} // namespace tstudio::training
