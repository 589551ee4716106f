#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tstudio::data {

/** Which part of a dataset a sample belongs to; None until a split assigns one. */
enum class Split { None, Train, Val, Test };

inline constexpr int kSplitCount = 4;

/** "none", "train", "val", "test". */
std::string splitName(Split split);

/**
 * The split a folder or CSV value names: train/training, val/valid/validation, test/testing
 * (case-insensitive); nullopt for anything else.
 */
std::optional<Split> parseSplit(std::string_view name);

} // namespace tstudio::data
