#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <torch/torch.h>

#include "core/common/result.h"
#include "core/weights/state_dict.h"
#include "core/weights/weight_records.h"

// The thin layer between torch-free records and torch::Tensor (private to core/weights).
namespace tstudio::weights {

/** Owned, contiguous tensors for records whose spans point into bytes. Catches c10::Error. */
Result<StateDict> tensorsFromRecords(const formats::WeightRecords& records, std::string_view bytes);

/**
 * Contiguous CPU copies of dict's tensors (kept in *keepAlive) and their byte views, for the
 * writers. Fails on a dtype no weight format carries (complex, quantized).
 */
Result<std::vector<formats::TensorBytes>> bytesFromStateDict(const StateDict& dict,
                                                             std::vector<torch::Tensor>* keepAlive);

} // namespace tstudio::weights
