#include "core/models/registry.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

// The facts below come from torchvision 0.14's `<Arch>_Weights.IMAGENET1K_V1` entries: url,
// meta["num_params"], meta["_metrics"]["ImageNet-1K"], meta["min_size"] and transforms()
// (resize_size, crop_size, interpolation). featureWidth, headPath and blocks are what the C++
// implementations in this folder report.

namespace tstudio::models {

namespace {

const std::string kUrlBase = "https://download.pytorch.org/models/";

OfficialWeights official(std::string fileName, std::string sha256) {
    return OfficialWeights{fileName, kUrlBase + fileName, std::move(sha256)};
}

/// {"features.0", ..., "features.<last>"}: blocks that are the children of a `features` Sequential.
std::vector<std::string> featureBlocks(int last) {
    std::vector<std::string> blocks;
    for (int i = 0; i <= last; ++i) {
        blocks.push_back("features." + std::to_string(i));
    }
    return blocks;
}

const std::vector<std::string> kResNetBlocks{"stem", "layer1", "layer2", "layer3", "layer4"};
const std::vector<std::string> kVggBlocks{"block1", "block2", "block3", "block4", "block5"};

struct Entry {
    const char* name;
    const char* displayName;
    const char* family;
    int minInputSize;
    int64_t featureWidth;
    const char* headPath;
    std::vector<std::string> blocks;
    int64_t parameterCount;
    double top1;
    double top5;
    OfficialWeights weights;
};

BackboneInfo makeInfo(Entry e) {
    BackboneInfo info;
    info.name = e.name;
    info.displayName = e.displayName;
    info.family = e.family;
    info.minInputSize = e.minInputSize;
    info.featureWidth = e.featureWidth;
    info.headPath = e.headPath;
    info.blocks = std::move(e.blocks);
    info.parameterCount = e.parameterCount;
    info.imagenetTop1 = e.top1;
    info.imagenetTop5 = e.top5;
    info.weights = std::move(e.weights);
    return info;
}

std::vector<BackboneInfo> buildRegistry() {
    std::vector<BackboneInfo> all;
    // resize 256, crop 224, bilinear, ImageNet mean/std unless noted.
    all.push_back(makeInfo(
        {"resnet18", "ResNet-18", "ResNet", 1, 512, "fc", kResNetBlocks, 11689512, 69.758, 89.078,
         official("resnet18-f37072fd.pth",
                  "f37072fd47e89c5e827621c5baffa7500819f7896bbacec160b1a16c560e07ec")}));
    all.push_back(
        makeInfo({"resnet34", "ResNet-34", "ResNet", 1, 512, "fc", kResNetBlocks, 21797672, 73.314,
                  91.42, official("resnet34-b627a593.pth", "b627a593")}));
    all.push_back(
        makeInfo({"resnet50", "ResNet-50", "ResNet", 1, 2048, "fc", kResNetBlocks, 25557032, 76.13,
                  92.862, official("resnet50-0676ba61.pth", "0676ba61")}));
    all.push_back(
        makeInfo({"resnet101", "ResNet-101", "ResNet", 1, 2048, "fc", kResNetBlocks, 44549160,
                  77.374, 93.546, official("resnet101-63fe2227.pth", "63fe2227")}));
    // VGG's five max-pools need 32 px; its avgpool is adaptive (7x7) so larger inputs work.
    all.push_back(
        makeInfo({"vgg16", "VGG-16", "VGG", 32, 4096, "classifier.6", kVggBlocks, 138357544, 71.592,
                  90.382, official("vgg16-397923af.pth", "397923af")}));
    all.push_back(
        makeInfo({"vgg16_bn", "VGG-16 (BN)", "VGG", 32, 4096, "classifier.6", kVggBlocks, 138365992,
                  73.36, 91.516, official("vgg16_bn-6c64b313.pth", "6c64b313")}));
    all.push_back(
        makeInfo({"vgg19", "VGG-19", "VGG", 32, 4096, "classifier.6", kVggBlocks, 143667240, 72.376,
                  90.876, official("vgg19-dcbb9e9d.pth", "dcbb9e9d")}));
    all.push_back(makeInfo({"mobilenet_v2", "MobileNetV2", "MobileNet", 1, 1280, "classifier.1",
                            featureBlocks(18), 3504872, 71.878, 90.286,
                            official("mobilenet_v2-b0353104.pth", "b0353104")}));
    all.push_back(
        makeInfo({"mobilenet_v3_small", "MobileNetV3 Small", "MobileNet", 1, 1024, "classifier.3",
                  featureBlocks(12), 2542856, 67.668, 87.402,
                  official("mobilenet_v3_small-047dcff4.pth",
                           "047dcff4addef86ea5bc2eff13c9614dc11f47ab1160d0a71a25e7db994f4e1f")}));
    all.push_back(makeInfo({"mobilenet_v3_large", "MobileNetV3 Large", "MobileNet", 1, 1280,
                            "classifier.3", featureBlocks(16), 5483032, 74.042, 91.34,
                            official("mobilenet_v3_large-8738ca79.pth", "8738ca79")}));
    all.push_back(makeInfo({"efficientnet_b0", "EfficientNet-B0", "EfficientNet", 1, 1280,
                            "classifier.1", featureBlocks(8), 5288548, 77.692, 93.532,
                            official("efficientnet_b0_rwightman-3dd342df.pth", "3dd342df")}));
    all.back().interpolation = Interpolation::Bicubic;
    // Three 2x2 average pools after a stride-4 stem: 29 px is the least that leaves 1 px.
    all.push_back(makeInfo({"densenet121",
                            "DenseNet-121",
                            "DenseNet",
                            29,
                            1024,
                            "classifier",
                            {"stem", "features.denseblock1", "features.transition1",
                             "features.denseblock2", "features.transition2", "features.denseblock3",
                             "features.transition3", "features.denseblock4"},
                            7978856,
                            74.434,
                            91.972,
                            official("densenet121-a639ec97.pth", "a639ec97")}));
    // torchvision's num_params counts the AuxLogits branch, which the official file carries.
    all.push_back(
        makeInfo({"inception_v3",
                  "Inception v3",
                  "Inception",
                  75,
                  2048,
                  "fc",
                  {"stem", "Mixed_5b", "Mixed_5c", "Mixed_5d", "Mixed_6a", "Mixed_6b", "Mixed_6c",
                   "Mixed_6d", "Mixed_6e", "Mixed_7a", "Mixed_7b", "Mixed_7c"},
                  27161264,
                  77.294,
                  93.45,
                  official("inception_v3_google-0cc3c7bd.pth", "0cc3c7bd")}));
    all.back().defaultInputSize = 299;
    all.back().resizeSize = 342;
    all.push_back(makeInfo({"convnext_tiny", "ConvNeXt Tiny", "ConvNeXt", 32, 768, "classifier.2",
                            featureBlocks(7), 28589128, 82.52, 96.146,
                            official("convnext_tiny-983f1562.pth", "983f1562")}));
    all.back().resizeSize = 236;
    return all;
}

} // namespace

const std::vector<BackboneInfo>& backboneRegistry() {
    // Function-local static: built once, thread-safe initialisation, read-only afterwards.
    static const std::vector<BackboneInfo> registry = buildRegistry();
    return registry;
}

const BackboneInfo* findBackbone(std::string_view name) {
    const auto& all = backboneRegistry();
    const auto it = std::find_if(all.begin(), all.end(),
                                 [name](const BackboneInfo& info) { return info.name == name; });
    return it == all.end() ? nullptr : &*it;
}

std::string knownBackboneNames() {
    std::string names;
    for (const auto& info : backboneRegistry()) {
        if (!names.empty()) {
            names += ", ";
        }
        names += info.name;
    }
    return names;
}

} // namespace tstudio::models
