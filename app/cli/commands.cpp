#include "commands.h"

namespace tstudio::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> list{
        {"models", "List the backbones this build knows", runModels},
        {"classify", "Name the ImageNet classes of photos with a pretrained backbone", runClassify},
        {"features", "Extract features of images into a .npy (+ .csv) file", runFeatures},
        {"data", "Inspect a dataset (counts, sizes, problems) or split it", runData},
        {"weights", "Download official weights, or inspect any weight file", runWeights},
        {"train", "Train a classifier on your images from a pretrained backbone", runTrain},
        {"lr-find", "Find a good learning rate for train (range test)", runLrFind},
        {"evaluate", "Measure a trained model on a labelled dataset", runEvaluate},
        {"predict", "Classify images with a trained model", runPredict},
        {"export", "Export a trained model: pth, safetensors, TorchScript or ONNX (verified)",
         runModelExport},
    };
    return list;
}

} // namespace tstudio::cli
