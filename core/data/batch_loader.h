#pragma once

// Private to core: torch types. ui/ drives training through core/training, never this header.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <torch/torch.h>

#include "core/data/augmentation.h"
#include "core/data/batch_buffer_pool.h"
#include "core/data/dataset.h"
#include "core/data/decoded_image_cache.h"
#include "core/imaging/eval_transform.h"

namespace tstudio::data {

struct LoaderOptions {
    int batchSize = 32;
    int workers = 2;
    int prefetchBatches = 4; ///< bound of the queue ahead of the consumer
    bool shuffle = true;
    bool dropLast = false;
    bool augment = true; ///< augmentation (training) or the eval transform (resize + crop)
    std::uint64_t seed = 0;
    AugmentationConfig augmentation;
    imaging::EvalTransform eval; ///< mean/std for both; resize/crop for the eval path
};

/** A collated batch: images [B, 3, S, S] float32 normalised, labels [B] int64. */
struct Batch {
    std::int64_t index = 0;
    torch::Tensor images;
    torch::Tensor labels;
    std::vector<std::size_t> samples;  ///< dataset indices, in batch order
    std::vector<std::string> failures; ///< samples left out: unreadable (message each)
};

/**
 * Decodes (through the cache), augments and collates batches on worker threads ahead of the
 * consumer. Deterministic: the order of an epoch and every sample's augmentation follow from
 * (seed, epoch, position) alone, so the batches are identical for any worker count and timing.
 * Batches arrive in order; at most prefetchBatches are prepared ahead. requestStop() (any
 * thread) makes next() return nullopt within one batch. One consumer thread calls
 * startEpoch/next. Unreadable samples are left out of their batch and named in failures.
 */
class BatchLoader {
public:
    BatchLoader(const Dataset& dataset, std::vector<std::size_t> indices, DecodedImageCache& cache,
                LoaderOptions options);
    ~BatchLoader();
    BatchLoader(const BatchLoader&) = delete;
    BatchLoader& operator=(const BatchLoader&) = delete;

    /** Starts (or restarts) epoch number epoch; a running epoch is abandoned. */
    void startEpoch(int epoch);
    /** The next batch in order, waiting for it; nullopt at the end of the epoch or when stopped. */
    std::optional<Batch> next();
    void requestStop();
    std::int64_t batchCount() const;

private:
    void stopWorkers();
    void work();
    Batch makeBatch(std::int64_t index);

    const Dataset& m_dataset;
    std::vector<std::size_t> m_indices;
    DecodedImageCache& m_cache;
    LoaderOptions m_options;
    BatchBufferPool m_buffers;

    std::vector<std::size_t> m_order; ///< this epoch's order
    int m_epoch = 0;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_ready;   ///< a batch was finished
    std::condition_variable m_advance; ///< the consumer took one, or stop
    std::map<std::int64_t, Batch> m_done;
    std::int64_t m_nextToMake = 0;
    std::int64_t m_nextToDeliver = 0;
    std::atomic_bool m_stop{false};
    bool m_epochStop = false;
};

} // namespace tstudio::data
