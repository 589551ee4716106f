#pragma once

// A tiny in-memory dataset the training tests learn: three colour classes with noise.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "core/data/dataset.h"
#include "core/training/training_config.h"

namespace tstudio::test {

/** perClass train images and valPerClass val images per class, 24x24 px, seeded noise. */
data::Dataset colourDataset(int perClass = 8, int valPerClass = 4, int testPerClass = 0);

/** A small config: mobilenet_v3_small from scratch at 32 px, batch 8, into outDir. */
training::TrainingConfig tinyConfig(const std::filesystem::path& outDir);

/** tinyConfig in feature mode without augmentation and with a head without dropout (nothing
    random differs between the ranks of a data-parallel run), batch and epochs as given. */
training::TrainingConfig dataParallelFeatureConfig(const std::filesystem::path& outDir, int batch,
                                                   int epochs);

/** The tensors of a weight file (bundle) by name, as float vectors, for comparisons. */
std::map<std::string, std::vector<float>> readWeights(const std::filesystem::path& file);

} // namespace tstudio::test
