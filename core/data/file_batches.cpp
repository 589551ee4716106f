#include "core/data/file_batches.h"

#include <numeric>

#include "core/data/batch_loader.h"
#include "core/data/dataset.h"
#include "core/data/decoded_image_cache.h"

namespace tstudio::data {

void forEachFileBatch(const std::vector<std::filesystem::path>& paths,
                      const imaging::EvalTransform& eval, int batchSize,
                      const std::function<void(const torch::Tensor& images,
                                               const std::vector<std::size_t>& indices)>& onBatch,
                      const std::function<void(const std::string& failure)>& onFailure) {
    Dataset files;
    for (const std::filesystem::path& path : paths) {
        Sample sample;
        sample.path = path;
        files.addSample(std::move(sample));
    }
    std::vector<std::size_t> order(paths.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // The evaluation source gives exactly decodeImage + preprocessForEval's pixels; no memory or
    // disk cache: each file is read once.
    CacheOptions source = evaluationSource(eval);
    source.diskDir.clear();
    source.memoryBudgetBytes = 0;
    DecodedImageCache cache(source);
    LoaderOptions options;
    options.batchSize = std::max(1, batchSize);
    options.workers = 2;
    options.prefetchBatches = 2;
    options.shuffle = false;
    options.augment = false;
    options.eval = eval;
    BatchLoader loader(files, std::move(order), cache, options);
    loader.startEpoch(0);
    try {
        while (auto batch = loader.next()) {
            for (const std::string& failure : batch->failures) {
                onFailure(failure);
            }
            if (!batch->samples.empty()) {
                onBatch(batch->images, batch->samples);
            }
        }
    } catch (...) {
        loader.requestStop();
        throw;
    }
}

} // namespace tstudio::data
