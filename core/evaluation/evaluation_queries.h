#pragma once

// Public, torch-free: ways to look into an EvaluationReport. Pure functions, any thread.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/training/evaluation_report.h"

namespace tstudio::evaluation {

/** Indices into report.images of the images of class trueClass predicted as predicted (one
    confusion cell), most confident first (the probability of the predicted class, descending;
    ties keep dataset order). Empty for a class index out of range. */
std::vector<std::size_t> imagesInCell(const training::EvaluationReport& report, int trueClass,
                                      int predicted);

/** Indices into report.images of the count images with the highest loss, highest first (the
    most confidently wrong lead); ties keep dataset order. Fewer when there are fewer images. */
std::vector<std::size_t> topLosses(const training::EvaluationReport& report, std::size_t count);

/** Each row divided by its sum (a confusion matrix's rows become recall fractions); a row of
    zeros stays zeros. */
std::vector<std::vector<double>>
rowNormalised(const std::vector<std::vector<std::int64_t>>& matrix);

} // namespace tstudio::evaluation
