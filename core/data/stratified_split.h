#pragma once

#include <cstdint>

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

} // namespace tstudio::data
