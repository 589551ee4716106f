#include "core/models/factory.h"

#include <string>

#include "core/models/convnext.h"
#include "core/models/densenet.h"
#include "core/models/efficientnet.h"
#include "core/models/inception_v3.h"
#include "core/models/mobilenet_v2.h"
#include "core/models/mobilenet_v3.h"
#include "core/models/registry.h"
#include "core/models/resnet.h"
#include "core/models/seeded_random.h"
#include "core/models/vgg.h"

namespace tstudio::models {

Result<Backbone> createBackbone(std::string_view name, int64_t numClasses, std::uint64_t seed) {
    if (findBackbone(name) == nullptr) {
        return fail("Unknown backbone \"" + std::string(name) +
                    "\"; known: " + knownBackboneNames());
    }
    if (numClasses < 1) {
        return fail("A classifier needs at least one class, got " + std::to_string(numClasses));
    }
    SeededRandomScope random(seed);
    if (name.starts_with("convnext"))
        return makeConvNeXt(name, numClasses);
    if (name.starts_with("densenet"))
        return makeDenseNet(name, numClasses);
    if (name.starts_with("efficientnet"))
        return makeEfficientNet(name, numClasses);
    if (name == "inception_v3")
        return makeInceptionV3(numClasses);
    if (name == "mobilenet_v2")
        return makeMobileNetV2(numClasses);
    if (name.starts_with("mobilenet_v3"))
        return makeMobileNetV3(name, numClasses);
    if (name.starts_with("resnet"))
        return makeResNet(name, numClasses);
    if (name.starts_with("vgg"))
        return makeVgg(name, numClasses);
    return fail("Backbone \"" + std::string(name) +
                "\" is registered but not built in this version");
}

} // namespace tstudio::models
