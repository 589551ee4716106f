#pragma once

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/data/dataset_report.h"
#include "core/data/scan_control.h"

namespace tstudio::data {

struct InspectOptions {
    int inputSize = 224;        ///< images with a shorter side below this are "too small"
    bool decode = true;         ///< fully decode every file (else header checks only: faster)
    double imbalanceRatio = 3.; ///< largest / smallest class above this is "strong imbalance"
    int threads = 0;            ///< 0: every core
};

/**
 * Reads every file of dataset once (in parallel) and builds its report: counts per class and
 * split, sizes, formats, and the problems — unusable files by content, misnamed formats, exact
 * duplicates (within and across splits), images too small for inputSize, classes with fewer than
 * 2 images, strong imbalance. In-memory samples are checked by their pixels. Any thread;
 * progress counts files read. Fails only with kCancelledMessage: a bad file is a problem in
 * the report, not a failure.
 */
Result<DatasetReport> inspectDataset(const Dataset& dataset, const InspectOptions& options = {},
                                     const ScanControl& control = {});

} // namespace tstudio::data
