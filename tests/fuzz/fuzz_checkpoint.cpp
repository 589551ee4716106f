// libFuzzer target: a checkpoint's description, read as readCheckpoint and a resume read it
// (core/training/checkpoint.cpp): the .safetensors bytes, the "tstudio.checkpoint" metadata
// JSON, the training configuration in it, and the run state restored from it. A checkpoint is a
// file on disk, so untrusted. The tensors themselves are fuzz_safetensors' job.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include "core/training/run_state.h"
#include "core/training/training_config.h"
#include "core/weights/safetensors_format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    namespace formats = tstudio::weights::formats;
    namespace training = tstudio::training;
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    const auto length = formats::safetensorsHeaderLength(data);
    if (!length || *length > data.size() - 8) {
        return 0;
    }
    const auto metadata =
        formats::parseSafetensorsMetadata(data.substr(8, static_cast<std::size_t>(*length)));
    if (!metadata) {
        return 0;
    }
    const auto entry = metadata->find("tstudio.checkpoint");
    if (entry == metadata->end()) {
        return 0;
    }
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString(entry->second), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return 0;
    }
    const QJsonObject header = document.object();
    const auto config =
        training::trainingConfigFromJson(header.value(QStringLiteral("config")).toObject());
    if (!config) {
        return 0;
    }
    // What was read must write and read back: a resumed run saves its configuration again.
    if (!training::trainingConfigFromJson(training::toJson(*config))) {
        __builtin_trap();
    }
    training::RunState state(config->earlyStopping);
    (void)training::restoreRunState(state, header.value(QStringLiteral("state")).toObject());
    return 0;
}
