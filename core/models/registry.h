#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tstudio::models {

/** How an image is resized before the center crop (torchvision's InterpolationMode). */
enum class Interpolation { Bilinear, Bicubic };

/** The official torchvision ImageNet weight file of a backbone. */
struct OfficialWeights {
    std::string fileName; ///< e.g. "resnet18-f37072fd.pth" (the hub cache name)
    std::string url;      ///< https://download.pytorch.org/models/<fileName>
    /// SHA-256 in hex: the full digest where known, else the prefix torchvision puts in the
    /// file name (torchvision's own check_hash compares that prefix too).
    std::string sha256;
};

/** Everything the app knows about one backbone, without building it. Plain data, any thread. */
struct BackboneInfo {
    std::string name;        ///< registry key, torchvision's builder name: "resnet50"
    std::string displayName; ///< "ResNet-50"
    std::string family;      ///< "ResNet", "VGG", "MobileNet", ...
    int defaultInputSize = 224;
    int minInputSize = 32; ///< smallest square input the architecture accepts
    int resizeSize = 256;  ///< eval transform: resize the short side to this, then center-crop
    Interpolation interpolation = Interpolation::Bilinear;
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
    int64_t featureWidth = 0;        ///< width of the head's input
    std::string headPath;            ///< module path of the final linear layer
    std::vector<std::string> blocks; ///< natural freeze / feature blocks, in order
    int64_t parameterCount = 0;      ///< with the 1000-class ImageNet head
    double imagenetTop1 = 0.0;       ///< published top-1 (%) of the official weights
    double imagenetTop5 = 0.0;
    OfficialWeights weights;
};

/** All backbones, in display order. */
const std::vector<BackboneInfo>& backboneRegistry();

/** The entry named name, or nullptr. */
const BackboneInfo* findBackbone(std::string_view name);

/** Registry names joined by ", " (for error messages: "unknown backbone X; known: ..."). */
std::string knownBackboneNames();

} // namespace tstudio::models
