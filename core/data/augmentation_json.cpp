#include "core/data/augmentation_json.h"

#include "core/common/json_fields.h"

namespace tstudio::data {

namespace {

// One list per struct drives both writing and reading (core/common/json_fields.h).
constexpr auto cropFields = [](auto& crop, auto& field) {
    field("enabled", crop.enabled);
    field("size", crop.size);
    field("scaleMin", crop.scaleMin);
    field("scaleMax", crop.scaleMax);
    field("ratioMin", crop.ratioMin);
    field("ratioMax", crop.ratioMax);
};

constexpr auto rotationFields = [](auto& rotation, auto& field) {
    field("probability", rotation.probability);
    field("degrees", rotation.degrees);
};

constexpr auto colorJitterFields = [](auto& jitter, auto& field) {
    field("probability", jitter.probability);
    field("brightness", jitter.brightness);
    field("contrast", jitter.contrast);
    field("saturation", jitter.saturation);
    field("hue", jitter.hue);
};

constexpr auto blurFields = [](auto& blur, auto& field) {
    field("probability", blur.probability);
    field("kernel", blur.kernel);
    field("sigmaMin", blur.sigmaMin);
    field("sigmaMax", blur.sigmaMax);
};

constexpr auto erasingFields = [](auto& erasing, auto& field) {
    field("probability", erasing.probability);
    field("scaleMin", erasing.scaleMin);
    field("scaleMax", erasing.scaleMax);
    field("ratioMin", erasing.ratioMin);
    field("ratioMax", erasing.ratioMax);
};

constexpr auto augmentationFields = [](auto& a, auto& field) {
    field.object("crop", a.crop, cropFields);
    field("horizontalFlip", a.horizontalFlip);
    field("verticalFlip", a.verticalFlip);
    field.object("rotation", a.rotation, rotationFields);
    field.object("colorJitter", a.colorJitter, colorJitterFields);
    field("grayscale", a.grayscale);
    field.object("blur", a.blur, blurFields);
    field.object("erasing", a.erasing, erasingFields);
};

} // namespace

QJsonObject augmentationToJson(const AugmentationConfig& config) {
    return writeJsonFields(config, augmentationFields);
}

AugmentationConfig augmentationFromJson(const QJsonObject& json) {
    AugmentationConfig config;
    // Only text and custom fields can fail, and this list has none.
    (void)readJsonFields(json, config, augmentationFields);
    return config;
}

} // namespace tstudio::data
