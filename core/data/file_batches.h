#pragma once

// Private to core (torch types): image files read for inference in fixed batches, decoded and
// preprocessed on loader threads a few batches ahead of the forward pass.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/imaging/eval_transform.h"

namespace tstudio::data {

/**
 * Calls onBatch once per batch of paths, in order, with the preprocessed images [n, 3, S, S]
 * (float32, contiguous, on the CPU) and the indices into paths they belong to. Batches are the
 * ones a serial loop would form (batchSize files each, the unreadable left out and reported
 * through onFailure with a message that names the file) and the pixels are decodeImage +
 * preprocessForEval's, so results do not change, only the time. Each file is read once; nothing
 * is kept. onBatch runs on the calling thread; what it throws stops the loader and propagates.
 */
void forEachFileBatch(const std::vector<std::filesystem::path>& paths,
                      const imaging::EvalTransform& eval, int batchSize,
                      const std::function<void(const torch::Tensor& images,
                                               const std::vector<std::size_t>& indices)>& onBatch,
                      const std::function<void(const std::string& failure)>& onFailure);

} // namespace tstudio::data
