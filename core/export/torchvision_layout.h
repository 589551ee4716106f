#pragma once

// Private to core/export (torch types): a trained network's state dict in the names
// torchvision's own model gives its parameters, where torchvision has a model that computes the
// same function.

#include <string>
#include <vector>

#include "core/export/model_export.h"
#include "core/training/model_bundle.h"
#include "core/training/transfer_net.h"
#include "core/weights/state_dict.h"

namespace tstudio::modelexport {

struct TorchvisionLayout {
    weights::StateDict dict; ///< what the exported file holds
    TorchvisionCompatibility compatibility;
    /// Where compatibility.loadsStrictly: module paths of our backbone the dict leaves out,
    /// because the torchvision model it fits has none (Inception's AuxLogits with
    /// aux_logits=False).
    std::vector<std::string> leftOut;
};

/**
 * The state dict to export for net. A bundle whose head is the backbone's own final layer
 * (Pooling::Neck, no hidden layers) already holds torchvision's keys. A bundle with global
 * average pooling and one linear layer holds torchvision's keys too when the backbone's own neck
 * is exactly that pooling (ResNet, MobileNetV2, EfficientNet, Inception): head.fc.* is renamed
 * to the backbone's final layer (fc.*, classifier.1.*). Any other head keeps our names (the
 * backbone's torchvision keys plus head.*), and the compatibility note says why torchvision's
 * model cannot take it strictly: keys that merely fit would load and give other answers.
 */
TorchvisionLayout torchvisionLayout(training::TransferNet& net, int numClasses);

/** The Python call that builds torchvision's model for arch with numClasses outputs. */
std::string torchvisionConstructor(const std::string& arch, int numClasses, bool auxLogits = true);

} // namespace tstudio::modelexport
