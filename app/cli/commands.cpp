#include "commands.h"

namespace tstudio::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> list{
        {"models", "List the backbones this build knows", runModels},
        {"classify", "Name the ImageNet classes of photos with a pretrained backbone", runClassify},
        {"features", "Extract features of images into a .npy (+ .csv) file", runFeatures},
        {"data", "Inspect a dataset (counts, sizes, problems) or split it", runData},
    };
    return list;
}

} // namespace tstudio::cli
