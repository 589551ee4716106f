#include "core/training/model_bundle.h"

#include <chrono>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include "core/common/threads.h"
#include "core/data/file_batches.h"
#include "core/imaging/image_decoder.h"
#include "core/imaging/preprocess.h"
#include "core/inference/image_probabilities.h"
#include "core/inference/memory_format.h"
#include "core/inference/pretrained_model.h"
#include "core/models/registry.h"
#include "core/training/bundle_classifier_impl.h"
#include "core/training/bundle_writer.h"
#include "core/training/metrics.h"
#include "core/weights/state_dict.h"

namespace tstudio::training {

namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kMetadataKey = "tstudio";

QString key(const char* name) {
    return QString::fromLatin1(name);
}

QJsonObject transformToJson(const imaging::EvalTransform& t) {
    return QJsonObject{{key("resizeShortSide"), t.resizeShortSide},
                       {key("cropSize"), t.cropSize},
                       {key("interpolation"),
                        key(t.filter == imaging::ResampleFilter::Bicubic ? "bicubic" : "bilinear")},
                       {key("mean"), QJsonArray{t.mean[0], t.mean[1], t.mean[2]}},
                       {key("std"), QJsonArray{t.std[0], t.std[1], t.std[2]}}};
}

Result<imaging::EvalTransform> transformFromJson(const QJsonObject& json) {
    imaging::EvalTransform t;
    t.resizeShortSide = json.value(key("resizeShortSide")).toInt(0);
    t.cropSize = json.value(key("cropSize")).toInt(0);
    t.filter = json.value(key("interpolation")).toString() == key("bicubic")
                   ? imaging::ResampleFilter::Bicubic
                   : imaging::ResampleFilter::Bilinear;
    const QJsonArray mean = json.value(key("mean")).toArray();
    const QJsonArray std = json.value(key("std")).toArray();
    if (t.resizeShortSide < 1 || t.cropSize < 1 || t.cropSize > 4096 || mean.size() != 3 ||
        std.size() != 3) {
        return fail("its preprocessing description is incomplete");
    }
    for (int c = 0; c < 3; ++c) {
        t.mean[static_cast<std::size_t>(c)] = static_cast<float>(mean.at(c).toDouble());
        t.std[static_cast<std::size_t>(c)] = static_cast<float>(std.at(c).toDouble(1.0));
        if (!(t.std[static_cast<std::size_t>(c)] > 0.0f)) {
            return fail("its preprocessing has a non-positive std");
        }
    }
    return t;
}

/** The counts a bundle records, when they are whole: one non-negative count per class in each
    split. Anything else (an older bundle, a hand-edited one) reads as none recorded: they only
    describe the model, so they are no reason to refuse it. */
std::optional<ImagesPerClass> imagesPerClassFromJson(const QJsonObject& json, std::size_t classes) {
    ImagesPerClass counts;
    const std::pair<const char*, std::vector<std::int64_t>*> splits[] = {
        {"train", &counts.train}, {"val", &counts.val}, {"test", &counts.test}};
    for (const auto& [name, values] : splits) {
        const QJsonArray array = json.value(key(name)).toArray();
        if (static_cast<std::size_t>(array.size()) != classes) {
            return std::nullopt;
        }
        for (const QJsonValue& value : array) {
            const qint64 count = value.toInteger(-1);
            if (count < 0) {
                return std::nullopt;
            }
            values->push_back(count);
        }
    }
    return counts;
}

/** The validation result a bundle records, when it is whole: an epoch of the history and a
    classes x classes confusion matrix of non-negative counts that sum to the image count. Anything
    else reads as none recorded, like imagesPerClassFromJson. */
std::optional<BundleValidation> validationFromJson(const QJsonObject& json, std::size_t classes,
                                                   std::size_t epochs) {
    BundleValidation validation;
    validation.epoch = json.value(key("epoch")).toInt(0);
    if (validation.epoch < 1 || static_cast<std::size_t>(validation.epoch) > epochs) {
        return std::nullopt;
    }
    const QJsonArray rows = json.value(key("confusion")).toArray();
    if (static_cast<std::size_t>(rows.size()) != classes) {
        return std::nullopt;
    }
    std::int64_t total = 0;
    for (const QJsonValue& row : rows) {
        const QJsonArray cells = row.toArray();
        if (static_cast<std::size_t>(cells.size()) != classes) {
            return std::nullopt;
        }
        for (const QJsonValue& cell : cells) {
            const qint64 count = cell.toInteger(-1);
            if (count < 0) {
                return std::nullopt;
            }
            total += count;
        }
    }
    validation.result = evaluationResultFromJson(json);
    if (validation.result.count != total || validation.result.perClass.size() != classes) {
        return std::nullopt;
    }
    return validation;
}

} // namespace

QJsonObject bundleInfoToJson(const BundleInfo& info) {
    QJsonArray classes;
    for (const std::string& name : info.classes) {
        classes.append(QString::fromStdString(name));
    }
    QJsonArray history;
    for (const EpochMetrics& m : info.history) {
        history.append(toJson(m));
    }
    QJsonObject json{{key("format"), key("tstudio-model")},
                     {key("formatVersion"), info.formatVersion},
                     {key("config"), toJson(info.config)},
                     {key("classes"), classes},
                     {key("preprocessing"), transformToJson(info.preprocessing)},
                     {key("history"), history},
                     {key("createdAt"), QString::fromStdString(info.createdAt)}};
    if (info.test) {
        json.insert(key("test"), toJson(*info.test, info.classes));
    }
    if (info.imagesPerClass) {
        const auto counts = [](const std::vector<std::int64_t>& values) {
            QJsonArray array;
            for (const std::int64_t value : values) {
                array.append(static_cast<qint64>(value));
            }
            return array;
        };
        json.insert(key("imagesPerClass"),
                    QJsonObject{{key("train"), counts(info.imagesPerClass->train)},
                                {key("val"), counts(info.imagesPerClass->val)},
                                {key("test"), counts(info.imagesPerClass->test)}});
    }
    if (info.validation) {
        QJsonObject validation = toJson(info.validation->result, info.classes);
        validation.insert(key("epoch"), info.validation->epoch);
        json.insert(key("validation"), validation);
    }
    return json;
}

Result<BundleInfo> bundleInfoFromJson(const QJsonObject& json) {
    if (json.value(key("format")).toString() != key("tstudio-model")) {
        return fail("it is not a Transfer Studio model");
    }
    BundleInfo info;
    info.formatVersion = json.value(key("formatVersion")).toInt(0);
    if (info.formatVersion < 1 || info.formatVersion > kFormatVersion) {
        return fail("it has format version " + std::to_string(info.formatVersion) +
                    ", which this version cannot read (update Transfer Studio)");
    }
    auto config = trainingConfigFromJson(json.value(key("config")).toObject());
    if (!config) {
        return config.error();
    }
    info.config = std::move(*config);
    for (const QJsonValue& name : json.value(key("classes")).toArray()) {
        info.classes.push_back(name.toString().toStdString());
    }
    if (info.classes.size() < 2) {
        return fail("it names fewer than two classes");
    }
    auto transform = transformFromJson(json.value(key("preprocessing")).toObject());
    if (!transform) {
        return transform.error();
    }
    info.preprocessing = *transform;
    for (const QJsonValue& m : json.value(key("history")).toArray()) {
        info.history.push_back(epochMetricsFromJson(m.toObject()));
    }
    if (json.contains(key("test"))) {
        info.test = evaluationResultFromJson(json.value(key("test")).toObject());
    }
    info.createdAt = json.value(key("createdAt")).toString().toStdString();
    info.imagesPerClass =
        imagesPerClassFromJson(json.value(key("imagesPerClass")).toObject(), info.classes.size());
    info.validation = validationFromJson(json.value(key("validation")).toObject(),
                                         info.classes.size(), info.history.size());
    return info;
}

Status writeBundle(const std::filesystem::path& path, TransferNet& net, const BundleInfo& info) {
    const QByteArray json = QJsonDocument(bundleInfoToJson(info)).toJson(QJsonDocument::Compact);
    return weights::writeSafetensors(path, net.stateDict(), {{kMetadataKey, json.toStdString()}});
}

Result<BundleInfo> readBundleInfo(const std::filesystem::path& path) {
    auto metadata = weights::readSafetensorsMetadata(path);
    if (!metadata) {
        return fail(path.string() + " is not a Transfer Studio model: " + metadata.message());
    }
    const auto it = metadata->find(kMetadataKey);
    if (it == metadata->end()) {
        return fail(path.string() +
                    " is a .safetensors file without a Transfer Studio description: it holds "
                    "weights only. Open a .tsmodel written by a training run.");
    }
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString(it->second), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return fail(path.string() + " has a damaged description (" +
                    error.errorString().toStdString() + ").");
    }
    auto info = bundleInfoFromJson(document.object());
    if (!info) {
        return fail("Cannot open " + path.string() + ": " + info.message() + ".");
    }
    return info;
}

BundleClassifier::BundleClassifier() : m_impl(std::make_unique<Impl>()) {}
BundleClassifier::~BundleClassifier() = default;
BundleClassifier::BundleClassifier(BundleClassifier&&) noexcept = default;
BundleClassifier& BundleClassifier::operator=(BundleClassifier&&) noexcept = default;

Result<BundleClassifier> BundleClassifier::open(const std::filesystem::path& bundle,
                                                const std::string& device) {
    auto info = readBundleInfo(bundle);
    if (!info) {
        return info.error();
    }
    auto parsedDevice = inference::parseDevice(device);
    if (!parsedDevice) {
        return parsedDevice.error();
    }
    auto dict = weights::readStateDict(bundle);
    if (!dict) {
        return dict.error();
    }
    TrainingConfig config = info->config;
    config.fromScratch = true;
    auto net = TransferNet::create(config, static_cast<int>(info->classes.size()));
    if (!net) {
        return fail("Cannot open " + bundle.string() + ": " + net.message());
    }
    if (auto status = net->loadState(*dict); !status) {
        return fail("Cannot open " + bundle.string() + ": " + status.message() +
                    " (the file is damaged or was not written by a training run).");
    }
    useAllCores();
    net->train(false);
    net->to(*parsedDevice);
    BundleClassifier classifier;
    classifier.m_impl->info = std::move(*info);
    classifier.m_impl->net = std::move(*net);
    classifier.m_impl->device = *parsedDevice;
    if (classifier.m_impl->info.config.channelsLast) {
        inference::toChannelsLast(classifier.m_impl->net->stateDict());
        classifier.m_impl->channelsLast = true;
    }
    return classifier;
}

const BundleInfo& BundleClassifier::info() const {
    return m_impl->info;
}

std::vector<Prediction> BundleClassifier::predict(const std::vector<std::filesystem::path>& paths,
                                                  std::vector<Error>& failed) {
    // Loader threads decode and preprocess the next batches while this thread runs the forward
    // pass (16 files a batch, as a serial loop would form them): the probabilities do not change.
    std::vector<Prediction> predictions;
    predictions.reserve(paths.size());
    torch::InferenceMode inference;
    data::forEachFileBatch(
        paths, m_impl->info.preprocessing, 16,
        [&](const torch::Tensor& images, const std::vector<std::size_t>& indices) {
            const torch::Tensor probabilities = m_impl->probabilities(images);
            for (std::size_t k = 0; k < indices.size(); ++k) {
                const torch::Tensor row = probabilities[static_cast<std::int64_t>(k)];
                Prediction p;
                p.path = paths[indices[k]];
                p.probabilities.assign(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
                p.predicted = static_cast<int>(row.argmax().item<std::int64_t>());
                predictions.push_back(std::move(p));
            }
        },
        [&failed](const std::string& failure) { failed.push_back(fail(failure)); });
    return predictions;
}

Result<std::vector<std::vector<float>>>
BundleClassifier::probabilities(const std::vector<imaging::RgbImage>& images) {
    return inference::probabilitiesOfImages(
        images, m_impl->info.preprocessing,
        [this](const torch::Tensor& batch) { return m_impl->logits(batch); });
}

} // namespace tstudio::training
