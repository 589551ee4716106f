#include "core/export/torchvision_layout.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "core/models/registry.h"

namespace tstudio::modelexport {

namespace {

using training::Pooling;

/** True where torchvision's forward goes from the last block to the final Linear through
    global average pooling alone (dropout aside, which eval mode skips). */
bool neckIsAveragePooling(const models::BackboneInfo& info) {
    return info.family == "ResNet" || info.family == "EfficientNet" || info.family == "Inception" ||
           info.name == "mobilenet_v2";
}

/** What torchvision runs between the blocks and the final layer, where that is more than
    global average pooling. */
std::string torchvisionNeck(const models::BackboneInfo& info) {
    if (info.family == "VGG") {
        return "a 7x7 average pool and two hidden classifier layers (classifier.0, classifier.3)";
    }
    if (info.family == "ConvNeXt") {
        return "global average pooling and a LayerNorm (classifier.0)";
    }
    if (info.family == "DenseNet") {
        return "a ReLU, then global average pooling";
    }
    if (info.family == "MobileNet") {
        return "global average pooling and a hidden classifier layer with Hardswish "
               "(classifier.0)";
    }
    return "global average pooling";
}

std::string poolingText(Pooling pooling) {
    switch (pooling) {
    case Pooling::Neck:
        return "the backbone's own neck";
    case Pooling::Average:
        return "global average pooling";
    case Pooling::Max:
        return "global max pooling";
    case Pooling::Flatten:
        return "flattening the feature map";
    }
    return {};
}

/** Appends the parts in order (in steps: GCC 12 -O3 warns falsely on "text" + std::string). */
void add(std::string& text, std::initializer_list<std::string_view> parts) {
    for (const std::string_view part : parts) {
        text.append(part);
    }
}

/** Why torchvision's model would give other answers with this head. */
std::string whyNotStrict(const models::BackboneInfo& info, const training::HeadSpec& head) {
    std::string why;
    if (!head.hidden.empty()) {
        add(why, {"the new head has ", std::to_string(head.hidden.size()),
                  " hidden layer(s) (head.hidden.*), for which torchvision's ", info.displayName,
                  " has no place"});
    } else if (head.pooling == Pooling::Average) {
        add(why, {"torchvision's ", info.displayName, " runs ", torchvisionNeck(info),
                  " before its final layer, where this head has global average pooling alone"});
    } else {
        add(why, {"the head pools by ", poolingText(head.pooling), ", where torchvision's ",
                  info.displayName, " runs ", torchvisionNeck(info)});
    }
    return why;
}

} // namespace

std::string torchvisionConstructor(const std::string& arch, int numClasses, bool auxLogits) {
    std::string call;
    add(call, {"torchvision.models.", arch, "(num_classes=", std::to_string(numClasses)});
    if (arch == "inception_v3") {
        // Our Inception, like torchvision's with ImageNet weights, takes ImageNet-normalised
        // input and converts it itself (transform_input); init_weights only silences a warning.
        add(call, {auxLogits ? ", aux_logits=True" : ", aux_logits=False",
                   ", transform_input=True, init_weights=False"});
    }
    call += ")";
    return call;
}

TorchvisionLayout torchvisionLayout(training::TransferNet& net, int numClasses) {
    const models::BackboneInfo& info = net.info();
    const training::HeadSpec& head = net.headSpec();
    TorchvisionLayout layout;
    layout.dict = net.stateDict();
    TorchvisionCompatibility& compatibility = layout.compatibility;

    if (head.hidden.empty() && head.pooling == Pooling::Neck) {
        compatibility.loadsStrictly = true;
        compatibility.constructor = torchvisionConstructor(info.name, numClasses);
        return layout;
    }
    if (head.hidden.empty() && head.pooling == Pooling::Average && neckIsAveragePooling(info)) {
        const std::string headPrefix = "head.fc.";
        const std::vector<std::string> optional = net.backbone()->optionalModulePaths();
        weights::StateDict renamed;
        for (auto& [name, tensor] : layout.dict) {
            if (name.starts_with(headPrefix)) {
                std::string key = info.headPath;
                add(key, {".", std::string_view(name).substr(headPrefix.size())});
                renamed.emplace_back(std::move(key), tensor);
                continue;
            }
            // The auxiliary classifier keeps its ImageNet outputs in the bundle and never runs
            // in eval mode: torchvision's inception_v3(aux_logits=False) is the model that fits.
            const bool dropped = std::any_of(optional.begin(), optional.end(), [&](const auto& p) {
                return training::underPath(name, p);
            });
            if (!dropped) {
                renamed.emplace_back(name, tensor);
            }
        }
        layout.dict = std::move(renamed);
        layout.leftOut = optional;
        compatibility.loadsStrictly = true;
        compatibility.constructor =
            torchvisionConstructor(info.name, numClasses, /*auxLogits=*/optional.empty());
        return layout;
    }
    compatibility.loadsStrictly = false;
    compatibility.constructor = torchvisionConstructor(info.name, numClasses);
    add(compatibility.note,
        {"Does not load strictly into torchvision's model: ", whyNotStrict(info, head),
         ". The backbone's keys are torchvision's (load them with strict=False into ",
         compatibility.constructor,
         "); the new head's keys start with \"head.\" and the sidecar's \"head\" describes it."});
    return layout;
}

} // namespace tstudio::modelexport
