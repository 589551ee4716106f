#include "core/training/checkpoint.h"

#include <map>

#include <QJsonDocument>

#include "core/training/trainer.h"
#include "core/training/training_messages.h"

namespace tstudio::training {

namespace {

constexpr const char* kMetadataKey = "tstudio.checkpoint";
constexpr int kFormatVersion = 2;

QString key(const char* name) {
    return QString::fromLatin1(name);
}

// One file, three groups of tensors told apart by their name's first part.
constexpr const char* kModel = "model/";
constexpr const char* kBest = "best/";
constexpr const char* kOptimizer = "optimizer/";

void appendPrefixed(weights::StateDict& out, const char* prefix, const weights::StateDict& dict) {
    for (const auto& [name, tensor] : dict) {
        out.emplace_back(prefix + name, tensor.detach().to(torch::kCPU).contiguous());
    }
}

} // namespace

QJsonObject resultDefiningConfig(const TrainingConfig& config) {
    QJsonObject json = toJson(config);
    for (const char* name : {"outDir", "device", "workers"}) {
        json.remove(key(name));
    }
    return json;
}

Status writeCheckpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                       torch::optim::Optimizer& optimizer) {
    const OptimizerState optimizerState = saveOptimizerState(optimizer);
    weights::StateDict tensors;
    appendPrefixed(tensors, kModel, checkpoint.model);
    appendPrefixed(tensors, kBest, checkpoint.best);
    appendPrefixed(tensors, kOptimizer, optimizerState.tensors);
    const QJsonObject header{{key("version"), kFormatVersion},
                             {key("config"), checkpoint.config},
                             {key("state"), checkpoint.state},
                             {key("optimizerSteps"), optimizerState.steps}};
    const std::string json = QJsonDocument(header).toJson(QJsonDocument::Compact).toStdString();
    return weights::writeSafetensors(path, tensors, {{kMetadataKey, json}});
}

namespace {
/** The checkpoint's JSON header, checked, without reading its tensors. */
Result<QJsonObject> readCheckpointHeader(const std::filesystem::path& path) {
    auto metadata = weights::readSafetensorsMetadata(path);
    if (!metadata) {
        return fail(fillMessage(text::kCheckpointUnreadable, {path.string(), metadata.message()}));
    }
    const auto entry = metadata->find(kMetadataKey);
    if (entry == metadata->end()) {
        return fail(fillMessage(text::kNotACheckpoint, {path.string()}));
    }
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString(entry->second), &error);
    QJsonObject header = document.object();
    if (error.error != QJsonParseError::NoError || !document.isObject() ||
        header.value(key("version")).toInt() != kFormatVersion ||
        !header.value(key("config")).isObject() || !header.value(key("state")).isObject()) {
        return fail(fillMessage(text::kCheckpointDescription, {path.string()}));
    }
    return header;
}
} // namespace

Result<int> checkpointStepBatch(const std::filesystem::path& outDir) {
    const std::filesystem::path path = checkpointFile(outDir);
    auto header = readCheckpointHeader(path);
    if (!header) {
        return header.error();
    }
    const int batch = header->value(key("config")).toObject().value(key("batchSize")).toInt();
    if (batch < 1) {
        return fail(fillMessage(text::kCheckpointDescription, {path.string()}));
    }
    return batch;
}

Result<Checkpoint> readCheckpoint(const std::filesystem::path& path) {
    auto header = readCheckpointHeader(path);
    if (!header) {
        return header.error();
    }
    auto tensors = weights::readStateDict(path);
    if (!tensors) {
        return fail(fillMessage(text::kCheckpointUnreadable, {path.string(), tensors.message()}));
    }
    Checkpoint checkpoint;
    checkpoint.config = header->value(key("config")).toObject();
    checkpoint.state = header->value(key("state")).toObject();
    checkpoint.optimizer.steps = header->value(key("optimizerSteps")).toObject();
    const std::map<std::string, weights::StateDict*> groups{
        {kModel, &checkpoint.model},
        {kBest, &checkpoint.best},
        {kOptimizer, &checkpoint.optimizer.tensors}};
    for (auto& [name, tensor] : *tensors) {
        const auto slash = name.find('/');
        const auto group =
            slash == std::string::npos ? groups.end() : groups.find(name.substr(0, slash + 1));
        if (group == groups.end()) {
            return fail(fillMessage(text::kUnexpectedTensor, {path.string(), name}));
        }
        group->second->emplace_back(name.substr(slash + 1), std::move(tensor));
    }
    return checkpoint;
}

Status loadCheckpointOptimizer(const Checkpoint& checkpoint, torch::optim::Optimizer& optimizer) {
    if (auto status = loadOptimizerState(optimizer, checkpoint.optimizer); !status) {
        return fail(fillMessage(text::kOptimizerDoesNotFit, {status.message()}));
    }
    return success();
}

} // namespace tstudio::training
