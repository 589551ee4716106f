#pragma once

// The messages a training run ends with that reach a person: English templates of the
// "TrainingMessage" context (core/common/message_text.h). core fills them for Error::message; a
// window reads them back through kTrainingMessages and shows them translated. A new template
// belongs in the list.

#include <QtGlobal>

#include "core/common/message_text.h"

namespace tstudio::training::text {

inline constexpr char kContext[] = "TrainingMessage";

// The settings and the data, checked before the first step.
inline constexpr char kBadEpochsOrBatch[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "Epochs must be 0 or more and the batch size at least 1.");
inline constexpr char kBadLabelSmoothing[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "Label smoothing must be in [0, 1).");
inline constexpr char kUnknownArchitecture[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "Unknown architecture \"%1\"; known: %2");
inline constexpr char kCannotCreateOutput[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "Cannot create the output folder %1: %2.");
inline constexpr char kAllExcluded[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "Every labelled image is excluded (%1): include some again (X on the "
                       "Label step) to train on them.");
inline constexpr char kNoTrainingImages[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The training split has no labelled images: label some images, or give "
                       "the split a larger training fraction.");
inline constexpr char kTwoClasses[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "Training a classifier needs at least two classes with labelled images; "
                       "this dataset has %1.");
inline constexpr char kInputSize[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "Input size %1 does not suit %2: use %3 to 2048 (default %4).");
inline constexpr char kWeightsDoNotFit[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The weights do not fit %1: %2 Choose weights made for this "
                       "architecture, or train from scratch.");
inline constexpr char kNothingTrains[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "Nothing would train in stage %1: the freeze spec \"%2\" freezes every "
                       "parameter.");
inline constexpr char kNoTrainingImageReadable[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "none of the training images could be read");
inline constexpr char kNoValidationImageReadable[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "none of the validation images could be read");

// Resuming.
inline constexpr char kNothingToResume[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "Nothing to resume in %1: it holds no checkpoint.pt. Start a fresh run "
                       "there without resume, or name the folder of the run to continue.");
inline constexpr char kOtherSettings[] = QT_TRANSLATE_NOOP(
    "TrainingMessage",
    "The checkpoint in %1 was written by a run with other settings: resume with the same "
    "settings (on another number of processes: the same images per step, the batch size times "
    "the processes), or start a fresh run in another folder.");
inline constexpr char kCheckpointDamaged[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "The checkpoint %1 is damaged: %2.");
inline constexpr char kUnknownStage[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "The checkpoint %1 names a stage this run does not have.");

inline constexpr char kCheckpointUnreadable[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "The checkpoint %1 cannot be read: %2");
inline constexpr char kNotACheckpoint[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The checkpoint %1 cannot be read: it is not a Transfer Studio checkpoint.");
inline constexpr char kCheckpointDescription[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The checkpoint %1 cannot be read: its description is damaged or of "
                       "another version.");
inline constexpr char kUnexpectedTensor[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The checkpoint %1 cannot be read: it holds an unexpected tensor \"%2\".");
inline constexpr char kOptimizerDoesNotFit[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The optimizer state in the checkpoint does not fit this run: %1.");

// The learning-rate finder.
inline constexpr char kLrFinderOptions[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The LR finder needs 0 < start < end and at least 2 steps.");
inline constexpr char kLrFinderTooFewSteps[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The LR finder stopped after %1 steps: too few to suggest a learning "
                       "rate. Use a start LR lower, or more training images.");

// The run itself.
inline constexpr char kValidationNaN[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The validation loss became NaN after epoch %1: training diverged. The "
                       "last good checkpoint is kept. Lower the learning rate or add gradient "
                       "clipping.");
inline constexpr char kValidationInfinite[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "The validation loss became infinite after epoch %1: training diverged. "
                       "The last good checkpoint is kept. Lower the learning rate or add "
                       "gradient clipping.");
inline constexpr char kTrainingNotFinite[] = QT_TRANSLATE_NOOP(
    "TrainingMessage",
    "The training loss became NaN or infinite in epoch %1 (batch %2), before that step was "
    "applied: training diverged. The last good checkpoint is kept in %3. Lower the learning "
    "rate, add gradient clipping or check the data.");
inline constexpr char kOutOfMemory[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "Out of memory on %1 with batch size %2 at input size %3: use a smaller "
                       "batch size or input size.");
inline constexpr char kOutOfMemoryDetail[] = QT_TRANSLATE_NOOP(
    "TrainingMessage", "Out of memory on %1 with batch size %2 at input size %3: use a smaller "
                       "batch size or input size (%4).");
inline constexpr char kNoEpoch[] =
    QT_TRANSLATE_NOOP("TrainingMessage", "No epoch ran: set at least one epoch.");

} // namespace tstudio::training::text

namespace tstudio::training {

/** Every template above, for MessageCatalog. */
inline constexpr MessageTemplate kTrainingMessages[] = {
    {text::kContext, text::kBadEpochsOrBatch},
    {text::kContext, text::kBadLabelSmoothing},
    {text::kContext, text::kUnknownArchitecture},
    {text::kContext, text::kCannotCreateOutput},
    {text::kContext, text::kAllExcluded},
    {text::kContext, text::kNoTrainingImages},
    {text::kContext, text::kTwoClasses},
    {text::kContext, text::kInputSize},
    {text::kContext, text::kWeightsDoNotFit},
    {text::kContext, text::kNothingTrains},
    {text::kContext, text::kNoTrainingImageReadable},
    {text::kContext, text::kNoValidationImageReadable},
    {text::kContext, text::kNothingToResume},
    {text::kContext, text::kOtherSettings},
    {text::kContext, text::kCheckpointDamaged},
    {text::kContext, text::kUnknownStage},
    {text::kContext, text::kCheckpointUnreadable},
    {text::kContext, text::kNotACheckpoint},
    {text::kContext, text::kCheckpointDescription},
    {text::kContext, text::kUnexpectedTensor},
    {text::kContext, text::kOptimizerDoesNotFit},
    {text::kContext, text::kLrFinderOptions},
    {text::kContext, text::kLrFinderTooFewSteps},
    {text::kContext, text::kValidationNaN},
    {text::kContext, text::kValidationInfinite},
    {text::kContext, text::kTrainingNotFinite},
    {text::kContext, text::kOutOfMemory},
    {text::kContext, text::kOutOfMemoryDetail},
    {text::kContext, text::kNoEpoch},
};

} // namespace tstudio::training
