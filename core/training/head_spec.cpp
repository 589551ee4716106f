#include "core/training/head_spec.h"

#include <optional>

#include "core/common/parse_number.h"
#include "core/training/spec_text.h"

namespace tstudio::training {

namespace {

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

/** "width[:activation[:dropout]]"; the error is the reason alone (headError adds the rest). */
Result<HiddenLayer> parseHiddenLayer(std::string_view part) {
    const std::vector<std::string_view> fields = splitOn(part, ':');
    HiddenLayer layer;
    const auto width = parseNumber<int>(trim(fields[0]));
    if (!width || *width <= 0 || fields.size() > 3) {
        return fail(quoted(part) + " is not a hidden layer (width[:activation[:dropout]])");
    }
    layer.width = *width;
    if (fields.size() >= 2) {
        const auto activation = activationFromName(trim(fields[1]));
        if (!activation) {
            return fail("unknown activation \"" + std::string(fields[1]) + "\" (relu, gelu, silu)");
        }
        layer.activation = *activation;
    }
    if (fields.size() == 3) {
        const auto p = parseNumber<float>(trim(fields[2]));
        if (!p || !validDropout(*p)) {
            return fail("dropout must be a number in [0, 1)");
        }
        layer.dropout = *p;
    }
    return layer;
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
            const auto p = parseNumber<float>(part.substr(8));
            if (!p || !validDropout(*p)) {
                return headError(text, "dropout must be a number in [0, 1)");
            }
            head.dropout = *p;
            continue;
        }
        auto layer = parseHiddenLayer(part);
        if (!layer) {
            return headError(text, layer.message());
        }
        head.hidden.push_back(*layer);
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
            text += formatNumber(layer.dropout, 6);
        }
    }
    if (head.dropout > 0.0f) {
        text += ",dropout=" + formatNumber(head.dropout, 6);
    }
    return text;
}

} // namespace tstudio::training
