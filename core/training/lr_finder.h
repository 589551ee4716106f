#pragma once

// Private to core/training: the learning-rate range test's pure part.

#include <vector>

namespace tstudio::training {

/**
 * The rate at the steepest descent of the smoothed loss against log(lr), away from the noisy
 * ends (the first tenth and last twentieth). Needs at least 3 points; learningRates ascending.
 */
double suggestLearningRate(const std::vector<double>& learningRates,
                           const std::vector<double>& smoothedLosses);

} // namespace tstudio::training
