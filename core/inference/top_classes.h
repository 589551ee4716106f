#pragma once

#include <vector>

namespace tstudio::inference {

/**
 * The indices of the k largest probabilities, largest first (k is capped at the class count;
 * ties keep no particular order). What `tstudio predict` prints and the Classify page shows.
 * Any thread.
 */
std::vector<int> topClassIndices(const std::vector<float>& probabilities, int k);

} // namespace tstudio::inference
