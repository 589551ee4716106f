#pragma once

// The messages about weight files that reach a person: English templates of the "WeightMessage"
// context (core/common/message_text.h). core fills them for Error::message; a window reads them
// back through kWeightMessages and shows them translated. A new template belongs in the list.

#include <QtGlobal>

#include "core/common/message_text.h"

namespace tstudio::weights::text {

inline constexpr char kContext[] = "WeightMessage";

inline constexpr char kNoSuchFile[] = QT_TRANSLATE_NOOP(
    "WeightMessage", "Cannot read weights from %1: no such file. Check the path, or choose "
                     "another .pth/.safetensors file.");
inline constexpr char kCannotRead[] =
    QT_TRANSLATE_NOOP("WeightMessage", "Cannot read weights from %1: %2.");

// Why a file is no weight file this program reads (the %2 of kCannotRead).
inline constexpr char kEmptyFile[] = QT_TRANSLATE_NOOP("WeightMessage", "the file is empty");
inline constexpr char kGitLfsPointer[] =
    QT_TRANSLATE_NOOP("WeightMessage", "this is a Git LFS pointer, not the weights: fetch the "
                                       "real file with git lfs pull");
inline constexpr char kUnknownFormat[] = QT_TRANSLATE_NOOP(
    "WeightMessage", "not a weight file this program knows: expected a PyTorch .pth/.pt (saved "
                     "with torch.save) or a .safetensors file");
inline constexpr char kTorchScript[] = QT_TRANSLATE_NOOP(
    "WeightMessage", "this is a TorchScript model (torch.jit.save), not a state dict; in Python, "
                     "load it and torch.save(model.state_dict(), path) instead");
inline constexpr char kSingleObject[] =
    QT_TRANSLATE_NOOP("WeightMessage", "the file holds a single object, not a dict of tensors; "
                                       "save model.state_dict() instead");
inline constexpr char kNoTensors[] = QT_TRANSLATE_NOOP(
    "WeightMessage", "the file holds no tensors (neither a state dict nor a checkpoint with "
                     "\"state_dict\" or \"model\")");
inline constexpr char kSafetensorsTooShort[] =
    QT_TRANSLATE_NOOP("WeightMessage", "the file is too short to be a .safetensors file");
inline constexpr char kSafetensorsHeaderTooLong[] = QT_TRANSLATE_NOOP(
    "WeightMessage", "the .safetensors header length (%1 bytes) exceeds the file or the 100 MB "
                     "limit: the file is truncated or damaged");
inline constexpr char kSafetensorsHeaderOverLimit[] = QT_TRANSLATE_NOOP(
    "WeightMessage", "the .safetensors header length (%1 bytes) exceeds the 100 MB limit: the "
                     "file is damaged");
inline constexpr char kSafetensorsNotJson[] =
    QT_TRANSLATE_NOOP("WeightMessage", "the .safetensors header is not a JSON object: %1");
inline constexpr char kSafetensorsEmpty[] =
    QT_TRANSLATE_NOOP("WeightMessage", "the .safetensors file holds no tensors");

// Weights that were read but do not fit the network (LoadReport::summary, one line each).
inline constexpr char kDoNotFit[] = QT_TRANSLATE_NOOP(
    "WeightMessage", "The weights do not fit the model, so nothing was loaded. %1");
inline constexpr char kNoneFit[] = QT_TRANSLATE_NOOP(
    "WeightMessage", "None of the file's tensors fit the model: these are weights for another "
                     "architecture. %1");
inline constexpr char kTensorsMatch[] =
    QT_TRANSLATE_NOOP("WeightMessage", "%1 of %2 model tensors match the file.");
inline constexpr char kMissingKeys[] =
    QT_TRANSLATE_NOOP("WeightMessage", "Missing from the file (%1): %2");
inline constexpr char kOptionalKept[] =
    QT_TRANSLATE_NOOP("WeightMessage", "Not in the file, optional, kept as initialised (%1): %2");
inline constexpr char kUnexpectedKeys[] =
    QT_TRANSLATE_NOOP("WeightMessage", "In the file but not in the model (%1): %2");
inline constexpr char kDifferentShape[] =
    QT_TRANSLATE_NOOP("WeightMessage", "Different shape (%1): %2");
inline constexpr char kMoreKeys[] = QT_TRANSLATE_NOOP("WeightMessage", "%1, ... (%2 more)");
inline constexpr char kModelAndFileShape[] =
    QT_TRANSLATE_NOOP("WeightMessage", "%1 (model %2, file %3)");
inline constexpr char kCannotWriteWeights[] =
    QT_TRANSLATE_NOOP("WeightMessage", "Cannot write %1: %2.");
inline constexpr char kLoadFailed[] =
    QT_TRANSLATE_NOOP("WeightMessage", "Loading the weights failed: %1");

} // namespace tstudio::weights::text

namespace tstudio::weights {

/** Every template above, for MessageCatalog. */
inline constexpr MessageTemplate kWeightMessages[] = {
    {text::kContext, text::kNoSuchFile},
    {text::kContext, text::kCannotRead},
    {text::kContext, text::kEmptyFile},
    {text::kContext, text::kGitLfsPointer},
    {text::kContext, text::kUnknownFormat},
    {text::kContext, text::kTorchScript},
    {text::kContext, text::kSingleObject},
    {text::kContext, text::kNoTensors},
    {text::kContext, text::kSafetensorsTooShort},
    {text::kContext, text::kSafetensorsHeaderTooLong},
    {text::kContext, text::kSafetensorsHeaderOverLimit},
    {text::kContext, text::kSafetensorsNotJson},
    {text::kContext, text::kSafetensorsEmpty},
    {text::kContext, text::kDoNotFit},
    {text::kContext, text::kNoneFit},
    {text::kContext, text::kTensorsMatch},
    {text::kContext, text::kMissingKeys},
    {text::kContext, text::kOptionalKept},
    {text::kContext, text::kUnexpectedKeys},
    {text::kContext, text::kDifferentShape},
    {text::kContext, text::kMoreKeys},
    {text::kContext, text::kModelAndFileShape},
    {text::kContext, text::kCannotWriteWeights},
    {text::kContext, text::kLoadFailed},
};

} // namespace tstudio::weights
