#pragma once

// Public, torch-free: the shape of the new head and its text form (CLI --head, the bundle's JSON).

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace tstudio::training {

/** What turns the last block's feature map into the head's input. */
enum class Pooling {
    Neck,    ///< the backbone's own neck (torchvision's avgpool/flatten and, for VGG and
             ///< MobileNetV3, its pretrained hidden classifier layers): the new head is exactly
             ///< torchvision's final Linear replaced (module path = the backbone's headPath())
    Average, ///< global average pooling (Keras GlobalAveragePooling2D)
    Max,     ///< global max pooling
    Flatten, ///< flatten the feature map (Keras Flatten; width depends on the input size)
};

enum class Activation { ReLU, GELU, SiLU };

struct HiddenLayer {
    int width = 256;
    Activation activation = Activation::ReLU;
    float dropout = 0.0f; ///< after the activation
};

/**
 * The new head: pooling, zero or more hidden dense layers, dropout, final linear layer sized to
 * the dataset's classes. With Pooling::Neck and no hidden layers it is torchvision's own
 * "replace the last Linear" (the weights keep torchvision's keys, e.g. classifier.1.weight).
 * Otherwise the new layers live under the module path "head" (head.hidden.0, head.fc) and the
 * backbone's own final Linear is dropped from the trained model.
 * String form (CLI --head): "neck", "avg", "max", "flatten", optionally followed by hidden
 * layers and a final dropout: "avg,512:relu:0.2,256:gelu,dropout=0.3".
 */
struct HeadSpec {
    Pooling pooling = Pooling::Neck;
    std::vector<HiddenLayer> hidden;
    float dropout =
        0.0f; ///< before the final linear layer (for Neck: torchvision's own dropout is kept)
};

/** The head a string form describes, or what is wrong with the text. Any thread. */
Result<HeadSpec> parseHeadSpec(std::string_view text);
/** The string form parseHeadSpec reads back to the same head. Any thread. */
std::string formatHeadSpec(const HeadSpec& head);

} // namespace tstudio::training
