#pragma once

// Public, torch-free: label suggestions from a trained model bundle.

#include <atomic>
#include <functional>

#include "core/common/result.h"
#include "core/data/dataset.h"
#include "core/inference/label_suggestion.h"

namespace tstudio::training {

class BundleClassifier;

/**
 * Suggests labels with a trained model (the "last trained model"): every unlabeled sample that
 * is not excluded gets the model's most probable class among the classes the dataset also has,
 * matched by name, with that class's probability renormalised over those classes (the model's
 * own probability when the dataset has all of its classes); the runner-up likewise.
 * Works like inference::LabelSuggester::suggest: options.batchSize images per step, progress
 * after each step with its new suggestions, cancel read before each step (then it fails with
 * data::kCancelledMessage), unreadable images skipped and reported. options.temperature is not
 * used. In-memory records are skipped and reported: the model reads image files.
 * Fails when no class of the model is a class of the dataset, and when the model fails.
 * Thread: the one that uses model.
 */
Result<inference::SuggestReport>
suggestFromModel(BundleClassifier& model, const data::Dataset& dataset,
                 const inference::SuggestOptions& options,
                 const std::function<void(const inference::SuggestionProgress&)>& progress,
                 const std::atomic_bool& cancel);

} // namespace tstudio::training
