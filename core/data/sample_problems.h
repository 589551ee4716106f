#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/dataset_report.h"

namespace tstudio::data {

/**
 * How a DatasetReport's problems name a sample in their items: its file path, followed by
 * "#<record>" for a record inside a container file (CIFAR-10, IDX). Any thread.
 */
std::string reportItemName(const Sample& sample);

/** False for the problems that name classes rather than files (too few images, imbalance). */
bool isFileProblem(ProblemKind kind);

/**
 * For each sample of dataset (same order), the indices into report.problems of the problems that
 * name its file: what the labelling grid filters by and the preview lists. A report made of
 * another dataset is matched by name, so a sample it never saw has none. Any thread.
 */
std::vector<std::vector<std::size_t>> problemsPerSample(const DatasetReport& report,
                                                        const Dataset& dataset);

} // namespace tstudio::data
