#pragma once

#include <cstdint>
#include <string>

#include "core/common/result.h"
#include "core/data/dataset.h"

namespace tstudio::data {

/** Fractions of each class that go to train, val and test; they sum to 1. */
struct SplitFractions {
    double train = 0.8; ///< Keras' validation_split=0.2, as the seed notebooks use
    double val = 0.2;
    double test = 0.0;
};

/**
 * Assigns train/val/test to every labelled sample that has no split yet, class by class, so
 * each split keeps the class proportions. Reproducible: the same seed, fractions and files give
 * the same split on every machine (own Fisher-Yates over mt19937_64, seeded per class from the
 * seed and the class name, on samples ordered by path), and adding a class leaves the other
 * classes' splits unchanged. A class of 2 or more images keeps at least one in train and one in
 * each split with a non-zero fraction, where it has enough images. Samples that already have a
 * split and unlabeled samples are left alone. Any thread; fails on fractions that are negative,
 * leave nothing to train on, or do not sum to 1.
 */
Status applyStratifiedSplit(Dataset& dataset, const SplitFractions& fractions, std::uint64_t seed);

/** What completeSplit does with a split that has no training images (MNIST's t10k files). */
enum class SplitWithoutTrain {
    Fail,    ///< fail, saying what the split holds and how to re-split it
    Resplit, ///< forget the split and split every labelled image anew
};

/**
 * Makes dataset's split one that a run can train and validate on, and returns a sentence saying
 * what it did, for the run log (empty when the split was complete already):
 * - no split at all: applyStratifiedSplit(fractions, seed);
 * - training images but no validation split (CIFAR-10's train/ and test/): fractions.val of each
 *   class's training images become validation images, stratified and seeded as
 *   applyStratifiedSplit does (Keras' validation_split); other splits stay as they are;
 * - labelled images but none in train: fails with what the split holds and how to re-split it,
 *   or with SplitWithoutTrain::Resplit splits all of them anew.
 * Any thread; fails as applyStratifiedSplit does, with the dataset unchanged.
 */
Result<std::string> completeSplit(Dataset& dataset, const SplitFractions& fractions,
                                  std::uint64_t seed,
                                  SplitWithoutTrain withoutTrain = SplitWithoutTrain::Fail);

/** "10000 labelled images: 0 train, 0 validation, 10000 test" (and unsplit ones, if any). */
std::string describeSplit(const Dataset& dataset);

} // namespace tstudio::data
