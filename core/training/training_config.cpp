#include "core/training/training_config.h"

#include <QJsonArray>
#include <QString>

#include "core/common/json_fields.h"
#include "core/common/parse_number.h"
#include "core/data/augmentation_json.h"

namespace tstudio::training {

const char* toString(OptimizerKind kind) {
    switch (kind) {
    case OptimizerKind::SGD:
        return "sgd";
    case OptimizerKind::Adam:
        return "adam";
    case OptimizerKind::AdamW:
        return "adamw";
    case OptimizerKind::RMSprop:
        return "rmsprop";
    }
    return "adamw";
}

const char* toString(ScheduleKind kind) {
    switch (kind) {
    case ScheduleKind::Constant:
        return "constant";
    case ScheduleKind::Step:
        return "step";
    case ScheduleKind::Cosine:
        return "cosine";
    case ScheduleKind::OneCycle:
        return "onecycle";
    case ScheduleKind::Plateau:
        return "plateau";
    }
    return "cosine";
}

const char* toString(TrainMode mode) {
    switch (mode) {
    case TrainMode::Feature:
        return "feature";
    case TrainMode::FineTune:
        return "finetune";
    case TrainMode::TwoStage:
        return "two-stage";
    }
    return "feature";
}

std::optional<OptimizerKind> optimizerFromString(std::string_view name) {
    for (OptimizerKind k :
         {OptimizerKind::SGD, OptimizerKind::Adam, OptimizerKind::AdamW, OptimizerKind::RMSprop}) {
        if (name == toString(k)) {
            return k;
        }
    }
    return std::nullopt;
}

std::optional<ScheduleKind> scheduleFromString(std::string_view name) {
    for (ScheduleKind k : {ScheduleKind::Constant, ScheduleKind::Step, ScheduleKind::Cosine,
                           ScheduleKind::OneCycle, ScheduleKind::Plateau}) {
        if (name == toString(k)) {
            return k;
        }
    }
    if (name == "one-cycle") {
        return ScheduleKind::OneCycle;
    }
    return std::nullopt;
}

std::optional<TrainMode> trainModeFromString(std::string_view name) {
    for (TrainMode m : {TrainMode::Feature, TrainMode::FineTune, TrainMode::TwoStage}) {
        if (name == toString(m)) {
            return m;
        }
    }
    if (name == "fine-tune" || name == "twostage") {
        return name == "fine-tune" ? TrainMode::FineTune : TrainMode::TwoStage;
    }
    return std::nullopt;
}

namespace {

/** name as an enum value, or "unknown <what> \"name\"". */
template <typename Enum>
Result<Enum> named(std::optional<Enum> value, std::string_view name, const char* what) {
    if (value) {
        return *value;
    }
    return fail("unknown " + std::string(what) + " \"" + std::string(name) + "\"");
}

const char* metricName(EarlyStopping::Metric metric) {
    return metric == EarlyStopping::Metric::ValLoss ? "val_loss" : "val_accuracy";
}

Result<EarlyStopping::Metric> parseMetric(std::string_view name) {
    if (name == "val_loss") {
        return EarlyStopping::Metric::ValLoss;
    }
    if (name == "val_accuracy") {
        return EarlyStopping::Metric::ValAccuracy;
    }
    return fail("unknown early-stopping metric \"" + std::string(name) +
                "\" (val_loss or val_accuracy)");
}

QJsonValue lrMultipliersToJson(const std::vector<LrMultiplier>& multipliers) {
    QJsonArray array;
    for (const LrMultiplier& m : multipliers) {
        array.append(QJsonObject{{QStringLiteral("path"), QString::fromStdString(m.path)},
                                 {QStringLiteral("factor"), m.factor}});
    }
    return array;
}

Result<std::vector<LrMultiplier>> lrMultipliersFromJson(const QJsonValue& json) {
    std::vector<LrMultiplier> multipliers;
    for (const QJsonValue& value : json.toArray()) {
        const QJsonObject m = value.toObject();
        multipliers.push_back(LrMultiplier{m.value(QStringLiteral("path")).toString().toStdString(),
                                           m.value(QStringLiteral("factor")).toDouble(1.0)});
    }
    return multipliers;
}

// A string: JSON numbers are doubles and would round a 64-bit seed.
QJsonValue seedToJson(std::uint64_t seed) {
    return QString::number(seed);
}

Result<std::uint64_t> seedFromJson(const QJsonValue& json) {
    if (!json.isString()) {
        return static_cast<std::uint64_t>(json.toDouble());
    }
    const auto seed = parseNumber<std::uint64_t>(json.toString().toStdString());
    if (!seed) {
        return fail("the seed is not a whole number");
    }
    return *seed;
}

Result<data::AugmentationConfig> augmentationFromJsonValue(const QJsonValue& json) {
    return data::augmentationFromJson(json.toObject());
}

// One list per struct drives both toJson and trainingConfigFromJson (core/common/json_fields.h).
constexpr auto optimizerFields = [](auto& o, auto& field) {
    field.text(
        "kind", o.kind, [](OptimizerKind kind) { return toString(kind); },
        [](std::string_view name) { return named(optimizerFromString(name), name, "optimizer"); });
    field("lr", o.lr);
    field("weightDecay", o.weightDecay);
    field("momentum", o.momentum);
    field("nesterov", o.nesterov);
    field("beta1", o.beta1);
    field("beta2", o.beta2);
    field("eps", o.eps);
    field("alpha", o.alpha);
};

constexpr auto scheduleFields = [](auto& s, auto& field) {
    field.text(
        "kind", s.kind, [](ScheduleKind kind) { return toString(kind); },
        [](std::string_view name) { return named(scheduleFromString(name), name, "schedule"); });
    field("warmupEpochs", s.warmupEpochs);
    field("minLrFactor", s.minLrFactor);
    field("stepEpochs", s.stepEpochs);
    field("gamma", s.gamma);
    field("plateauPatience", s.plateauPatience);
    field("oneCyclePctStart", s.oneCyclePctStart);
    field("oneCycleDivFactor", s.oneCycleDivFactor);
    field("oneCycleFinalDivFactor", s.oneCycleFinalDivFactor);
};

constexpr auto twoStageFields = [](auto& t, auto& field) {
    field("headEpochs", t.headEpochs);
    field.text("stage2Freeze", t.stage2Freeze, formatFreezeSpec, parseFreezeSpec);
    field("stage2Lr", t.stage2Lr);
};

constexpr auto earlyStoppingFields = [](auto& e, auto& field) {
    field("patience", e.patience);
    field.text("metric", e.metric, metricName, parseMetric);
};

constexpr auto splitFields = [](auto& s, auto& field) {
    field("train", s.train);
    field("val", s.val);
    field("test", s.test);
};

constexpr auto configFields = [](auto& c, auto& field) {
    field("arch", c.arch);
    field("weights", c.weights);
    field("fromScratch", c.fromScratch);
    field("inputSize", c.inputSize);
    field.text("head", c.head, formatHeadSpec, parseHeadSpec);
    field.text(
        "mode", c.mode, [](TrainMode mode) { return toString(mode); },
        [](std::string_view name) { return named(trainModeFromString(name), name, "mode"); });
    field.text("freeze", c.freeze, formatFreezeSpec, parseFreezeSpec);
    field.custom("lrMultipliers", c.lrMultipliers, lrMultipliersToJson, lrMultipliersFromJson);
    field.object("optimizer", c.optimizer, optimizerFields);
    field.object("schedule", c.schedule, scheduleFields);
    field("epochs", c.epochs);
    field("batchSize", c.batchSize);
    field("labelSmoothing", c.labelSmoothing);
    field("gradClipNorm", c.gradClipNorm);
    field.object("twoStage", c.twoStage, twoStageFields);
    field("augment", c.augment);
    field.custom("augmentation", c.augmentation, data::augmentationToJson,
                 augmentationFromJsonValue);
    field.object("earlyStopping", c.earlyStopping, earlyStoppingFields);
    field("keepBest", c.keepBest);
    field.custom("seed", c.seed, seedToJson, seedFromJson);
    field("device", c.device);
    field("workers", c.workers);
    field("frozenPrefixCache", c.frozenPrefixCache);
    field("mixedPrecision", c.mixedPrecision);
    field("channelsLast", c.channelsLast);
    field.object("split", c.split, splitFields);
    field("outDir", c.outDir);
};

} // namespace

QJsonObject toJson(const TrainingConfig& config) {
    return writeJsonFields(config, configFields);
}

Result<TrainingConfig> trainingConfigFromJson(const QJsonObject& json) {
    TrainingConfig config;
    if (const Status read = readJsonFields(json, config, configFields); !read) {
        return fail("The training configuration is invalid: " + read.message() + ".");
    }
    return config;
}

} // namespace tstudio::training
