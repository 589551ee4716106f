#include "core/training/training_config.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <type_traits>

#include <QJsonArray>
#include <QString>

namespace tstudio::training {

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<int> parseInt(std::string_view text) {
    int value = 0;
    const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (code != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

/** A whole finite number of type Number (float or double), nothing else around it. */
template <typename Number> std::optional<Number> parseNumber(std::string_view text) {
    // std::from_chars for floating point is missing from older libstdc++; strto* on a copy.
    const std::string copy(text);
    if (copy.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    Number value{};
    if constexpr (std::is_same_v<Number, float>) {
        value = std::strtof(copy.c_str(), &end);
    } else {
        value = std::strtod(copy.c_str(), &end);
    }
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<float> parseFloat(std::string_view text) {
    return parseNumber<float>(text);
}

std::optional<double> parseDouble(std::string_view text) {
    return parseNumber<double>(text);
}

std::string formatNumber(double value) {
    QString text = QString::number(value, 'g', 6);
    return text.toStdString();
}

const char* activationName(Activation activation) {
    switch (activation) {
    case Activation::ReLU:
        return "relu";
    case Activation::GELU:
        return "gelu";
    case Activation::SiLU:
        return "silu";
    }
    return "relu";
}

std::optional<Activation> activationFromName(std::string_view name) {
    if (name == "relu") {
        return Activation::ReLU;
    }
    if (name == "gelu") {
        return Activation::GELU;
    }
    if (name == "silu" || name == "swish") {
        return Activation::SiLU;
    }
    return std::nullopt;
}

const char* poolingName(Pooling pooling) {
    switch (pooling) {
    case Pooling::Neck:
        return "neck";
    case Pooling::Average:
        return "avg";
    case Pooling::Max:
        return "max";
    case Pooling::Flatten:
        return "flatten";
    }
    return "neck";
}

std::optional<Pooling> poolingFromName(std::string_view name) {
    for (Pooling p : {Pooling::Neck, Pooling::Average, Pooling::Max, Pooling::Flatten}) {
        if (name == poolingName(p)) {
            return p;
        }
    }
    if (name == "average") {
        return Pooling::Average;
    }
    return std::nullopt;
}

bool validDropout(float p) {
    return p >= 0.0f && p < 1.0f;
}

Error headError(std::string_view text, const std::string& why) {
    return fail("Invalid head \"" + std::string(text) + "\": " + why +
                ". Use e.g. \"neck\", \"avg\" or \"avg,512:relu:0.2,dropout=0.3\".");
}

Error freezeError(std::string_view text, const std::string& why) {
    return fail("Invalid freeze spec \"" + std::string(text) + "\": " + why +
                ". Use none, all, head, last:N or custom, then ,-path / ,+path rules, e.g. "
                "\"head,+layer4\".");
}

} // namespace

Result<HeadSpec> parseHeadSpec(std::string_view text) {
    const std::vector<std::string_view> parts = splitOn(trim(text), ',');
    HeadSpec head;
    const auto pooling = poolingFromName(trim(parts[0]));
    if (!pooling) {
        return headError(text, "the first item must be neck, avg, max or flatten");
    }
    head.pooling = *pooling;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string_view part = trim(parts[i]);
        if (part.starts_with("dropout=")) {
            const auto p = parseFloat(part.substr(8));
            if (!p || !validDropout(*p)) {
                return headError(text, "dropout must be a number in [0, 1)");
            }
            head.dropout = *p;
            continue;
        }
        const std::vector<std::string_view> fields = splitOn(part, ':');
        HiddenLayer layer;
        const auto width = parseInt(trim(fields[0]));
        if (!width || *width <= 0 || fields.size() > 3) {
            return headError(text, "\"" + std::string(part) +
                                       "\" is not a hidden layer (width[:activation[:dropout]])");
        }
        layer.width = *width;
        if (fields.size() >= 2) {
            const auto activation = activationFromName(trim(fields[1]));
            if (!activation) {
                return headError(text, "unknown activation \"" + std::string(fields[1]) +
                                           "\" (relu, gelu, silu)");
            }
            layer.activation = *activation;
        }
        if (fields.size() == 3) {
            const auto p = parseFloat(trim(fields[2]));
            if (!p || !validDropout(*p)) {
                return headError(text, "dropout must be a number in [0, 1)");
            }
            layer.dropout = *p;
        }
        head.hidden.push_back(layer);
    }
    return head;
}

std::string formatHeadSpec(const HeadSpec& head) {
    std::string text = poolingName(head.pooling);
    for (const HiddenLayer& layer : head.hidden) {
        text += ',';
        text += std::to_string(layer.width);
        text += ':';
        text += activationName(layer.activation);
        if (layer.dropout > 0.0f) {
            text += ':';
            text += formatNumber(layer.dropout);
        }
    }
    if (head.dropout > 0.0f) {
        text += ",dropout=" + formatNumber(head.dropout);
    }
    return text;
}

Result<FreezeSpec> parseFreezeSpec(std::string_view text) {
    const std::vector<std::string_view> parts = splitOn(trim(text), ',');
    FreezeSpec freeze;
    const std::string_view preset = trim(parts[0]);
    if (preset == "none") {
        freeze.preset = FreezeSpec::Preset::None;
    } else if (preset == "all") {
        freeze.preset = FreezeSpec::Preset::All;
    } else if (preset == "head") {
        freeze.preset = FreezeSpec::Preset::HeadOnly;
    } else if (preset == "custom") {
        freeze.preset = FreezeSpec::Preset::None;
    } else if (preset.starts_with("last:")) {
        const auto n = parseInt(preset.substr(5));
        if (!n || *n < 0) {
            return freezeError(text, "last:N needs a block count of 0 or more");
        }
        freeze.preset = FreezeSpec::Preset::LastBlocks;
        freeze.lastBlocks = *n;
    } else {
        return freezeError(text, "unknown preset \"" + std::string(preset) + "\"");
    }
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string_view part = trim(parts[i]);
        if (part == "train-bn") {
            freeze.trainFrozenBatchNorm = true;
            continue;
        }
        if (part.size() < 2 || (part[0] != '-' && part[0] != '+')) {
            return freezeError(text, "rule \"" + std::string(part) +
                                         "\" must be -path (freeze) or +path (unfreeze)");
        }
        freeze.rules.push_back(FreezeRule{std::string(trim(part.substr(1))), part[0] == '-'});
    }
    return freeze;
}

Result<std::vector<LrMultiplier>> parseLrMultipliers(std::string_view text) {
    std::vector<LrMultiplier> multipliers;
    text = trim(text);
    if (text.empty() || text == "none") {
        return multipliers;
    }
    for (std::string_view part : splitOn(text, ',')) {
        part = trim(part);
        const std::size_t equals = part.find('=');
        if (equals == std::string_view::npos) {
            return fail("\"" + std::string(part) +
                        "\" is not PATH=FACTOR (e.g. all=0.1 or layer4=0.5)");
        }
        const std::string_view path = trim(part.substr(0, equals));
        const std::optional<double> factor = parseDouble(trim(part.substr(equals + 1)));
        if (path.empty()) {
            return fail("\"" + std::string(part) +
                        "\" names no module: give a path such as layer4, or all");
        }
        if (!factor || *factor < 0.0 || *factor > 100.0) {
            return fail("\"" + std::string(part) + "\": the factor is a number from 0 to 100");
        }
        multipliers.push_back({path == "all" ? std::string() : std::string(path), *factor});
    }
    return multipliers;
}

std::string formatLrMultipliers(const std::vector<LrMultiplier>& multipliers) {
    std::string text;
    for (const LrMultiplier& m : multipliers) {
        text += (text.empty() ? "" : ",") + (m.path.empty() ? std::string("all") : m.path) + "=" +
                formatNumber(m.factor);
    }
    return text.empty() ? "none" : text;
}

std::string formatFreezeSpec(const FreezeSpec& freeze) {
    std::string text;
    switch (freeze.preset) {
    case FreezeSpec::Preset::None:
        text = freeze.rules.empty() ? "none" : "custom";
        break;
    case FreezeSpec::Preset::HeadOnly:
        text = "head";
        break;
    case FreezeSpec::Preset::LastBlocks:
        text = "last:" + std::to_string(freeze.lastBlocks);
        break;
    case FreezeSpec::Preset::All:
        text = "all";
        break;
    }
    for (const FreezeRule& rule : freeze.rules) {
        text += std::string(",") + (rule.frozen ? "-" : "+") + rule.path;
    }
    if (freeze.trainFrozenBatchNorm) {
        text += ",train-bn";
    }
    return text;
}

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

QJsonObject augmentationToJson(const data::AugmentationConfig& a) {
    return QJsonObject{
        {key("crop"), QJsonObject{{key("enabled"), a.crop.enabled},
                                  {key("size"), a.crop.size},
                                  {key("scaleMin"), a.crop.scaleMin},
                                  {key("scaleMax"), a.crop.scaleMax},
                                  {key("ratioMin"), a.crop.ratioMin},
                                  {key("ratioMax"), a.crop.ratioMax}}},
        {key("horizontalFlip"), a.horizontalFlip},
        {key("verticalFlip"), a.verticalFlip},
        {key("rotation"), QJsonObject{{key("probability"), a.rotation.probability},
                                      {key("degrees"), a.rotation.degrees}}},
        {key("colorJitter"), QJsonObject{{key("probability"), a.colorJitter.probability},
                                         {key("brightness"), a.colorJitter.brightness},
                                         {key("contrast"), a.colorJitter.contrast},
                                         {key("saturation"), a.colorJitter.saturation},
                                         {key("hue"), a.colorJitter.hue}}},
        {key("grayscale"), a.grayscale},
        {key("blur"), QJsonObject{{key("probability"), a.blur.probability},
                                  {key("kernel"), a.blur.kernel},
                                  {key("sigmaMin"), a.blur.sigmaMin},
                                  {key("sigmaMax"), a.blur.sigmaMax}}},
        {key("erasing"), QJsonObject{{key("probability"), a.erasing.probability},
                                     {key("scaleMin"), a.erasing.scaleMin},
                                     {key("scaleMax"), a.erasing.scaleMax},
                                     {key("ratioMin"), a.erasing.ratioMin},
                                     {key("ratioMax"), a.erasing.ratioMax}}}};
}

// Readers that keep the default when a key is absent: configs written by older versions load.
void read(const QJsonObject& o, const char* name, float& out) {
    if (o.contains(key(name))) {
        out = static_cast<float>(o.value(key(name)).toDouble(out));
    }
}
void read(const QJsonObject& o, const char* name, double& out) {
    if (o.contains(key(name))) {
        out = o.value(key(name)).toDouble(out);
    }
}
void read(const QJsonObject& o, const char* name, int& out) {
    if (o.contains(key(name))) {
        out = o.value(key(name)).toInt(out);
    }
}
void read(const QJsonObject& o, const char* name, bool& out) {
    if (o.contains(key(name))) {
        out = o.value(key(name)).toBool(out);
    }
}

data::AugmentationConfig augmentationFromJson(const QJsonObject& o) {
    data::AugmentationConfig a;
    const QJsonObject crop = o.value(key("crop")).toObject();
    read(crop, "enabled", a.crop.enabled);
    read(crop, "size", a.crop.size);
    read(crop, "scaleMin", a.crop.scaleMin);
    read(crop, "scaleMax", a.crop.scaleMax);
    read(crop, "ratioMin", a.crop.ratioMin);
    read(crop, "ratioMax", a.crop.ratioMax);
    read(o, "horizontalFlip", a.horizontalFlip);
    read(o, "verticalFlip", a.verticalFlip);
    const QJsonObject rotation = o.value(key("rotation")).toObject();
    read(rotation, "probability", a.rotation.probability);
    read(rotation, "degrees", a.rotation.degrees);
    const QJsonObject jitter = o.value(key("colorJitter")).toObject();
    read(jitter, "probability", a.colorJitter.probability);
    read(jitter, "brightness", a.colorJitter.brightness);
    read(jitter, "contrast", a.colorJitter.contrast);
    read(jitter, "saturation", a.colorJitter.saturation);
    read(jitter, "hue", a.colorJitter.hue);
    read(o, "grayscale", a.grayscale);
    const QJsonObject blur = o.value(key("blur")).toObject();
    read(blur, "probability", a.blur.probability);
    read(blur, "kernel", a.blur.kernel);
    read(blur, "sigmaMin", a.blur.sigmaMin);
    read(blur, "sigmaMax", a.blur.sigmaMax);
    const QJsonObject erasing = o.value(key("erasing")).toObject();
    read(erasing, "probability", a.erasing.probability);
    read(erasing, "scaleMin", a.erasing.scaleMin);
    read(erasing, "scaleMax", a.erasing.scaleMax);
    read(erasing, "ratioMin", a.erasing.ratioMin);
    read(erasing, "ratioMax", a.erasing.ratioMax);
    return a;
}

QString qstr(const std::string& text) {
    return QString::fromStdString(text);
}
std::string sstr(const QJsonValue& value) {
    return value.toString().toStdString();
}

} // namespace

TrainingConfig recommendedConfig(TrainMode mode) {
    TrainingConfig c;
    c.mode = mode;
    c.optimizer.kind = OptimizerKind::AdamW;
    c.optimizer.lr = 1e-3;
    c.schedule.kind = ScheduleKind::Cosine;
    if (mode == TrainMode::Feature) {
        c.augment = false;
        c.epochs = 10;
        c.batchSize = 32;
        return c;
    }
    c.augment = true;
    c.epochs = 5;
    c.batchSize = 16;
    c.optimizer.weightDecay = 0.01;
    c.labelSmoothing = 0.1;
    c.schedule.warmupEpochs = 1;
    c.lrMultipliers = {{"", 0.1}, {"head", 1.0}};
    if (mode == TrainMode::TwoStage) {
        c.twoStage.headEpochs = 2;
        c.twoStage.stage2Lr = 1e-3;
    }
    return c;
}

TrainingConfig withRecommendedRecipe(TrainingConfig config, TrainMode mode) {
    const TrainingConfig recipe = recommendedConfig(mode);
    config.mode = mode;
    config.optimizer = recipe.optimizer;
    config.schedule = recipe.schedule;
    config.epochs = recipe.epochs;
    config.batchSize = recipe.batchSize;
    config.labelSmoothing = recipe.labelSmoothing;
    config.lrMultipliers = recipe.lrMultipliers;
    config.augment = recipe.augment;
    config.twoStage.headEpochs = recipe.twoStage.headEpochs;
    config.twoStage.stage2Lr = recipe.twoStage.stage2Lr;
    return config;
}

QJsonObject toJson(const TrainingConfig& c) {
    QJsonArray multipliers;
    for (const LrMultiplier& m : c.lrMultipliers) {
        multipliers.append(QJsonObject{{key("path"), qstr(m.path)}, {key("factor"), m.factor}});
    }
    const OptimizerConfig& o = c.optimizer;
    const ScheduleConfig& s = c.schedule;
    return QJsonObject{
        {key("arch"), qstr(c.arch)},
        {key("weights"), qstr(c.weights.string())},
        {key("fromScratch"), c.fromScratch},
        {key("inputSize"), c.inputSize},
        {key("head"), qstr(formatHeadSpec(c.head))},
        {key("mode"), key(toString(c.mode))},
        {key("freeze"), qstr(formatFreezeSpec(c.freeze))},
        {key("lrMultipliers"), multipliers},
        {key("optimizer"), QJsonObject{{key("kind"), key(toString(o.kind))},
                                       {key("lr"), o.lr},
                                       {key("weightDecay"), o.weightDecay},
                                       {key("momentum"), o.momentum},
                                       {key("nesterov"), o.nesterov},
                                       {key("beta1"), o.beta1},
                                       {key("beta2"), o.beta2},
                                       {key("eps"), o.eps},
                                       {key("alpha"), o.alpha}}},
        {key("schedule"), QJsonObject{{key("kind"), key(toString(s.kind))},
                                      {key("warmupEpochs"), s.warmupEpochs},
                                      {key("minLrFactor"), s.minLrFactor},
                                      {key("stepEpochs"), s.stepEpochs},
                                      {key("gamma"), s.gamma},
                                      {key("plateauPatience"), s.plateauPatience},
                                      {key("oneCyclePctStart"), s.oneCyclePctStart},
                                      {key("oneCycleDivFactor"), s.oneCycleDivFactor},
                                      {key("oneCycleFinalDivFactor"), s.oneCycleFinalDivFactor}}},
        {key("epochs"), c.epochs},
        {key("batchSize"), c.batchSize},
        {key("labelSmoothing"), c.labelSmoothing},
        {key("gradClipNorm"), c.gradClipNorm},
        {key("twoStage"),
         QJsonObject{{key("headEpochs"), c.twoStage.headEpochs},
                     {key("stage2Freeze"), qstr(formatFreezeSpec(c.twoStage.stage2Freeze))},
                     {key("stage2Lr"), c.twoStage.stage2Lr}}},
        {key("augment"), c.augment},
        {key("augmentation"), augmentationToJson(c.augmentation)},
        {key("earlyStopping"),
         QJsonObject{{key("patience"), c.earlyStopping.patience},
                     {key("metric"), key(c.earlyStopping.metric == EarlyStopping::Metric::ValLoss
                                             ? "val_loss"
                                             : "val_accuracy")}}},
        {key("keepBest"), c.keepBest},
        // A string: JSON numbers are doubles and would round a 64-bit seed.
        {key("seed"), QString::number(c.seed)},
        {key("device"), qstr(c.device)},
        {key("workers"), c.workers},
        {key("frozenPrefixCache"), c.frozenPrefixCache},
        {key("mixedPrecision"), c.mixedPrecision},
        {key("channelsLast"), c.channelsLast},
        {key("split"), QJsonObject{{key("train"), c.split.train},
                                   {key("val"), c.split.val},
                                   {key("test"), c.split.test}}},
        {key("outDir"), qstr(c.outDir.string())},
    };
}

Result<TrainingConfig> trainingConfigFromJson(const QJsonObject& json) {
    TrainingConfig c;
    const auto bad = [](const std::string& what) {
        return fail("The training configuration is invalid: " + what + ".");
    };
    if (json.contains(key("arch"))) {
        c.arch = sstr(json.value(key("arch")));
    }
    c.weights = sstr(json.value(key("weights")));
    read(json, "fromScratch", c.fromScratch);
    read(json, "inputSize", c.inputSize);
    if (json.contains(key("head"))) {
        auto head = parseHeadSpec(sstr(json.value(key("head"))));
        if (!head) {
            return bad(head.message());
        }
        c.head = *head;
    }
    if (json.contains(key("mode"))) {
        const auto mode = trainModeFromString(sstr(json.value(key("mode"))));
        if (!mode) {
            return bad("unknown mode \"" + sstr(json.value(key("mode"))) + "\"");
        }
        c.mode = *mode;
    }
    if (json.contains(key("freeze"))) {
        auto freeze = parseFreezeSpec(sstr(json.value(key("freeze"))));
        if (!freeze) {
            return bad(freeze.message());
        }
        c.freeze = *freeze;
    }
    for (const QJsonValue& value : json.value(key("lrMultipliers")).toArray()) {
        const QJsonObject m = value.toObject();
        c.lrMultipliers.push_back(
            LrMultiplier{sstr(m.value(key("path"))), m.value(key("factor")).toDouble(1.0)});
    }
    const QJsonObject o = json.value(key("optimizer")).toObject();
    if (o.contains(key("kind"))) {
        const auto kind = optimizerFromString(sstr(o.value(key("kind"))));
        if (!kind) {
            return bad("unknown optimizer \"" + sstr(o.value(key("kind"))) + "\"");
        }
        c.optimizer.kind = *kind;
    }
    read(o, "lr", c.optimizer.lr);
    read(o, "weightDecay", c.optimizer.weightDecay);
    read(o, "momentum", c.optimizer.momentum);
    read(o, "nesterov", c.optimizer.nesterov);
    read(o, "beta1", c.optimizer.beta1);
    read(o, "beta2", c.optimizer.beta2);
    read(o, "eps", c.optimizer.eps);
    read(o, "alpha", c.optimizer.alpha);
    const QJsonObject s = json.value(key("schedule")).toObject();
    if (s.contains(key("kind"))) {
        const auto kind = scheduleFromString(sstr(s.value(key("kind"))));
        if (!kind) {
            return bad("unknown schedule \"" + sstr(s.value(key("kind"))) + "\"");
        }
        c.schedule.kind = *kind;
    }
    read(s, "warmupEpochs", c.schedule.warmupEpochs);
    read(s, "minLrFactor", c.schedule.minLrFactor);
    read(s, "stepEpochs", c.schedule.stepEpochs);
    read(s, "gamma", c.schedule.gamma);
    read(s, "plateauPatience", c.schedule.plateauPatience);
    read(s, "oneCyclePctStart", c.schedule.oneCyclePctStart);
    read(s, "oneCycleDivFactor", c.schedule.oneCycleDivFactor);
    read(s, "oneCycleFinalDivFactor", c.schedule.oneCycleFinalDivFactor);
    read(json, "epochs", c.epochs);
    read(json, "batchSize", c.batchSize);
    read(json, "labelSmoothing", c.labelSmoothing);
    read(json, "gradClipNorm", c.gradClipNorm);
    const QJsonObject two = json.value(key("twoStage")).toObject();
    read(two, "headEpochs", c.twoStage.headEpochs);
    if (two.contains(key("stage2Freeze"))) {
        auto freeze = parseFreezeSpec(sstr(two.value(key("stage2Freeze"))));
        if (!freeze) {
            return bad(freeze.message());
        }
        c.twoStage.stage2Freeze = *freeze;
    }
    read(two, "stage2Lr", c.twoStage.stage2Lr);
    read(json, "augment", c.augment);
    if (json.contains(key("augmentation"))) {
        c.augmentation = augmentationFromJson(json.value(key("augmentation")).toObject());
    }
    const QJsonObject early = json.value(key("earlyStopping")).toObject();
    read(early, "patience", c.earlyStopping.patience);
    if (early.contains(key("metric"))) {
        const std::string metric = sstr(early.value(key("metric")));
        if (metric != "val_loss" && metric != "val_accuracy") {
            return bad("unknown early-stopping metric \"" + metric +
                       "\" (val_loss or val_accuracy)");
        }
        c.earlyStopping.metric = metric == "val_loss" ? EarlyStopping::Metric::ValLoss
                                                      : EarlyStopping::Metric::ValAccuracy;
    }
    read(json, "keepBest", c.keepBest);
    if (json.contains(key("seed"))) {
        const QJsonValue seed = json.value(key("seed"));
        bool ok = true;
        c.seed = seed.isString() ? seed.toString().toULongLong(&ok)
                                 : static_cast<std::uint64_t>(seed.toDouble());
        if (!ok) {
            return bad("the seed is not a whole number");
        }
    }
    if (json.contains(key("device"))) {
        c.device = sstr(json.value(key("device")));
    }
    read(json, "workers", c.workers);
    read(json, "frozenPrefixCache", c.frozenPrefixCache);
    read(json, "mixedPrecision", c.mixedPrecision);
    read(json, "channelsLast", c.channelsLast);
    const QJsonObject split = json.value(key("split")).toObject();
    read(split, "train", c.split.train);
    read(split, "val", c.split.val);
    read(split, "test", c.split.test);
    c.outDir = sstr(json.value(key("outDir")));
    return c;
}

} // namespace tstudio::training
