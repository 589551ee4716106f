#include "core/data/batch_loader.h"

#include <algorithm>
#include <random>

#include "core/common/seeded_shuffle.h"

namespace tstudio::data {

BatchLoader::BatchLoader(const Dataset& dataset, std::vector<std::size_t> indices,
                         DecodedImageCache& cache, LoaderOptions options)
    : m_dataset(dataset), m_indices(std::move(indices)), m_cache(cache),
      m_options(std::move(options)),
      // Enough for the batches being made, the queue and the two the consumer may hold.
      m_buffers(static_cast<std::size_t>(std::max(1, m_options.workers) +
                                         std::max(1, m_options.prefetchBatches) + 2)) {
    m_options.batchSize = std::max(1, m_options.batchSize);
    m_options.workers = std::max(1, m_options.workers);
    m_options.prefetchBatches = std::max(1, m_options.prefetchBatches);
}

BatchLoader::~BatchLoader() {
    stopWorkers();
}

std::int64_t BatchLoader::batchCount() const {
    const auto n = static_cast<std::int64_t>(m_indices.size());
    const std::int64_t b = m_options.batchSize;
    return m_options.dropLast ? n / b : (n + b - 1) / b;
}

void BatchLoader::stopWorkers() {
    {
        std::lock_guard lock(m_mutex);
        m_epochStop = true;
    }
    m_advance.notify_all();
    m_ready.notify_all();
    for (std::thread& worker : m_workers) {
        worker.join();
    }
    m_workers.clear();
}

void BatchLoader::requestStop() {
    m_stop = true;
    m_advance.notify_all();
    m_ready.notify_all();
}

void BatchLoader::startEpoch(int epoch) {
    stopWorkers();
    m_stop = false;
    m_epoch = epoch;
    m_order = m_indices;
    if (m_options.shuffle) {
        std::mt19937_64 rng(
            splitMix64(m_options.seed ^ splitMix64(static_cast<std::uint64_t>(epoch))));
        seededShuffle(m_order, rng);
    }
    m_done.clear();
    m_nextToMake = 0;
    m_nextToDeliver = 0;
    m_epochStop = false;
    for (int w = 0; w < m_options.workers; ++w) {
        m_workers.emplace_back([this] { work(); });
    }
}

void BatchLoader::work() {
    const std::int64_t total = batchCount();
    for (;;) {
        std::int64_t index = 0;
        {
            std::unique_lock lock(m_mutex);
            // Bounded: do not run more than prefetchBatches ahead of the consumer.
            m_advance.wait(lock, [&] {
                return m_stop || m_epochStop || m_nextToMake >= total ||
                       m_nextToMake < m_nextToDeliver + m_options.prefetchBatches;
            });
            if (m_stop || m_epochStop || m_nextToMake >= total) {
                return;
            }
            index = m_nextToMake++;
        }
        Batch batch = makeBatch(index);
        {
            std::lock_guard lock(m_mutex);
            m_done.emplace(index, std::move(batch));
        }
        m_ready.notify_all();
    }
}

Batch BatchLoader::makeBatch(std::int64_t index) {
    Batch batch;
    batch.index = index;
    const std::size_t begin = static_cast<std::size_t>(index) * m_options.batchSize;
    const std::size_t end = std::min(m_order.size(), begin + m_options.batchSize);
    const int size = m_options.augment ? m_options.augmentation.crop.size : m_options.eval.cropSize;
    std::vector<imaging::RgbImage> images;
    std::vector<std::int64_t> labels;
    for (std::size_t position = begin; position < end; ++position) {
        if (m_stop || m_epochStop) {
            break; // the batch is thrown away: stopping waits for one image, not one batch
        }
        const std::size_t sampleIndex = m_order[position];
        const Sample& sample = m_dataset.sample(sampleIndex);
        auto decoded = m_cache.get(sample);
        if (!decoded) {
            batch.failures.push_back(decoded.message());
            continue;
        }
        imaging::RgbImage out;
        if (m_options.augment) {
            std::mt19937_64 rng(
                splitMix64(m_options.seed ^ splitMix64((static_cast<std::uint64_t>(m_epoch) << 32) ^
                                                       static_cast<std::uint64_t>(position))));
            out = augmentImage(**decoded, m_options.augmentation, rng);
        } else {
            out = imaging::resizeAndCenterCrop(**decoded, m_options.eval);
        }
        if (out.width != size || out.height != size) {
            batch.failures.push_back(sample.path.string() + ": transform gave " +
                                     std::to_string(out.width) + "x" + std::to_string(out.height));
            continue;
        }
        images.push_back(std::move(out));
        labels.push_back(sample.label);
        batch.samples.push_back(sampleIndex);
    }
    const auto count = static_cast<std::int64_t>(images.size());
    batch.images = m_buffers.floatTensor({count, 3, size, size});
    float* data = batch.images.data_ptr<float>();
    const std::size_t stride = 3 * static_cast<std::size_t>(size) * size;
    for (std::size_t i = 0; i < images.size(); ++i) {
        imaging::writeNormalized(images[i], m_options.eval, data + i * stride);
    }
    batch.labels = torch::tensor(labels, torch::kInt64);
    return batch;
}

std::optional<Batch> BatchLoader::next() {
    std::unique_lock lock(m_mutex);
    if (m_workers.empty() || m_nextToDeliver >= batchCount()) {
        return std::nullopt;
    }
    m_ready.wait(lock, [&] { return m_stop || m_done.count(m_nextToDeliver) != 0; });
    if (m_stop) {
        return std::nullopt;
    }
    auto node = m_done.extract(m_nextToDeliver);
    ++m_nextToDeliver;
    lock.unlock();
    m_advance.notify_all();
    return std::move(node.mapped());
}

} // namespace tstudio::data
