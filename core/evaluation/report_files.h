#pragma once

// Public, torch-free: an evaluation report as files, one implementation for the GUI's Evaluate
// step and `tstudio evaluate --report`.

#include <filesystem>
#include <string>

#include "core/common/result.h"
#include "core/training/evaluation_report.h"

namespace tstudio::evaluation {

/**
 * Writes into dir (created when missing), each file atomically:
 * - per_class.csv: class, precision, recall, f1, support (one row per class, bundle order);
 * - predictions.csv: path, true, predicted, probability (of the predicted class), loss, then one
 *   probability column per class ("p(NAME)"); one row per evaluated image, RFC 4180 quoting;
 * - confusion.png and confusion_normalized.png: heat maps of the counts and of the row
 *   fractions, class names on both axes, the values in the cells;
 * - summary.json: training::toJson(report.summary, report.classes).
 * Any thread. Fails naming the file that could not be written.
 */
Status writeEvaluationReport(const training::EvaluationReport& report,
                             const std::filesystem::path& dir);

/** The text of per_class.csv. Numbers in shortest round-trip form, so they read back exactly. */
std::string perClassCsv(const training::EvaluationReport& report);

/** The text of predictions.csv. */
std::string predictionsCsv(const training::EvaluationReport& report);

} // namespace tstudio::evaluation
