#include "core/export/export_sidecar.h"

#include <cmath>

#include <QDateTime>
#include <QJsonArray>

#include "core/models/registry.h"

namespace tstudio::modelexport {

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

const char* poolingName(training::Pooling pooling) {
    switch (pooling) {
    case training::Pooling::Neck:
        return "neck";
    case training::Pooling::Average:
        return "average";
    case training::Pooling::Max:
        return "max";
    case training::Pooling::Flatten:
        return "flatten";
    }
    return "";
}

const char* activationName(training::Activation activation) {
    switch (activation) {
    case training::Activation::ReLU:
        return "relu";
    case training::Activation::GELU:
        return "gelu";
    case training::Activation::SiLU:
        return "silu";
    }
    return "";
}

QJsonObject headJson(const training::HeadSpec& head, const models::BackboneInfo& backbone,
                     const TorchvisionCompatibility& torchvision) {
    QJsonArray hidden;
    for (const training::HiddenLayer& layer : head.hidden) {
        hidden.append(QJsonObject{{key("width"), layer.width},
                                  {key("activation"), key(activationName(layer.activation))},
                                  {key("dropout"), layer.dropout}});
    }
    const bool ownNames = torchvision.loadsStrictly;
    return QJsonObject{
        {key("spec"), text(training::formatHeadSpec(head))},
        {key("pooling"), key(poolingName(head.pooling))},
        {key("hiddenLayers"), hidden},
        {key("dropout"), head.dropout},
        // Where the final layer's weights are in the file.
        {key("finalLayerKeys"), ownNames ? text(backbone.headPath + ".*") : key("head.fc.*")},
        {key("hiddenLayerKeys"),
         head.hidden.empty() ? QJsonValue() : QJsonValue(key("head.hidden.N.*"))},
        {key("description"),
         key("forward: the backbone's blocks, then the pooling (neck: torchvision's own avgpool "
             "and classifier layers before the final one; average: global average pooling; "
             "max: global max pooling; flatten: flatten), then each hidden layer as "
             "Linear -> activation -> dropout, then dropout, then the final Linear. Dropout "
             "only acts in training.")}};
}

/** A float as the decimal it was written as (0.485, not 0.48500001430511475). */
double decimal(float value) {
    return std::round(static_cast<double>(value) * 1e6) / 1e6;
}

QJsonObject preprocessingJson(const imaging::EvalTransform& t) {
    return QJsonObject{
        {key("resizeShortSide"), t.resizeShortSide},
        {key("cropSize"), t.cropSize},
        {key("interpolation"),
         key(t.filter == imaging::ResampleFilter::Bicubic ? "bicubic" : "bilinear")},
        {key("mean"), QJsonArray{decimal(t.mean[0]), decimal(t.mean[1]), decimal(t.mean[2])}},
        {key("std"), QJsonArray{decimal(t.std[0]), decimal(t.std[1]), decimal(t.std[2])}},
        {key("description"),
         key("RGB image; resize the short side to resizeShortSide, center-crop cropSize x "
             "cropSize, scale pixels to [0, 1], subtract mean and divide by std per channel; "
             "tensor layout N x 3 x H x W (float32)")}};
}

} // namespace

QJsonObject exportSidecar(const training::BundleInfo& bundle, const models::BackboneInfo& backbone,
                          int inputSize, ExportFormat format, const ExportResult& result) {
    QJsonArray classes;
    for (const std::string& name : bundle.classes) {
        classes.append(text(name));
    }
    QJsonObject torchvision{{key("loadsStrictly"), result.torchvision.loadsStrictly},
                            {key("constructor"), text(result.torchvision.constructor)}};
    if (!result.torchvision.note.empty()) {
        torchvision.insert(key("note"), text(result.torchvision.note));
    }
    QJsonObject sidecar{
        {key("format"), key("tstudio-export")},
        {key("formatVersion"), 1},
        {key("weightsFile"), text(result.weightsFile.filename().string())},
        {key("weightsFormat"), key(formatName(format))},
        {key("architecture"), text(backbone.name)},
        {key("architectureName"), text(backbone.displayName)},
        {key("head"), headJson(bundle.config.head, backbone, result.torchvision)},
        {key("numClasses"), static_cast<int>(bundle.classes.size())},
        {key("classes"), classes},
        {key("inputSize"), inputSize},
        {key("preprocessing"), preprocessingJson(bundle.preprocessing)},
        {key("verification"), QJsonObject{{key("maxAbsLogitDifference"), result.maxAbsDifference},
                                          {key("inputs"), result.verifiedInputs},
                                          {key("tolerance"), result.allowedDifference}}},
        {key("trainedAt"), text(bundle.createdAt)},
        {key("exportedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {key("exportedBy"), key("Transfer Studio " TSTUDIO_VERSION)}};
    // Which torchvision model takes the file strictly is a question for state dicts only.
    if (format == ExportFormat::Pth || format == ExportFormat::Safetensors) {
        sidecar.insert(key("torchvision"), torchvision);
    }
    return sidecar;
}

} // namespace tstudio::modelexport
