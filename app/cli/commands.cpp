#include "commands.h"

namespace tstudio::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> list{
        {"models", "List the backbones this build knows", runModels},
        {"classify", "Name the ImageNet classes of photos with a pretrained backbone", runClassify},
        {"features", "Extract features of images into a .npy (+ .csv) file", runFeatures},
        {"data", "Inspect a dataset (counts, sizes, problems) or split it", runData},
        {"weights", "Download official weights, or inspect any weight file", runWeights},
    };
    return list;
}

} // namespace tstudio::cli
