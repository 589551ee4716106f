#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "core/common/result.h"
#include "core/data/sample.h"
#include "core/imaging/eval_transform.h"
#include "core/imaging/rgb_image.h"

namespace tstudio::data {

struct CacheOptions {
    /** Images are kept with their shorter side shrunk to this (never enlarged); 0 keeps them.
        Fast: JPEGs decode at a reduced scale and OpenCV shrinks them. What augmentation, which
        resamples anyway, starts from. */
    int shortSide = 256;
    std::int64_t memoryBudgetBytes = std::int64_t{1} << 30;
    /** Spill folder; empty: no disk cache. defaultDiskCacheDir() is the usual choice. */
    std::filesystem::path diskDir;
    /** Evaluation instead: every image is decoded in full and resized by exactly this
        transform's resize (imaging::resizeShortSide, PIL's arithmetic), so a loader's centre crop
        of it is bit for bit imaging::preprocessForEval of imaging::decodeImage — what predict,
        the Classify page and the bundle classifier compute. shortSide is then not used. */
    std::optional<imaging::EvalTransform> exactEval;
};

/** The source a training run's augmenting loader reads: the fast decode, shrunk to eval's resize
    (the augmentation preview decodes through the same options, so it shows what training sees). */
CacheOptions augmentationSource(const imaging::EvalTransform& eval);
/** The source every evaluation reads (validation, test, the frozen-prefix cache, feature-mode
    training without augmentation, the bundle's evaluate): see CacheOptions::exactEval. */
CacheOptions evaluationSource(const imaging::EvalTransform& eval);

/** $XDG_CACHE_HOME/transfer-studio/decoded (default ~/.cache/transfer-studio/decoded). */
std::filesystem::path defaultDiskCacheDir();

/** Counters, for tests and the benchmark. */
struct CacheStats {
    std::int64_t memoryHits = 0;
    std::int64_t diskHits = 0;
    std::int64_t decodes = 0;
    std::int64_t memoryBytes = 0;
    std::int64_t entries = 0;
};

/**
 * Decode once: a sample's file is decoded and shrunk once, kept in memory up to the budget
 * (least recently used goes first) and written to the disk cache, keyed by the file's content
 * hash and the short side, so later epochs and later runs skip decoding. A file that changed
 * (size or modification time) is read again and gets a new key. In-memory samples are returned
 * as they are (shrunk if needed). Disk entries are written by a background thread at idle
 * priority, off the loader's path: an entry when it leaves memory, the ones still in memory on
 * flush() and in the destructor (so a first epoch that fits the budget writes nothing).
 * Thread-safe: loader workers share one cache; decoding runs outside the lock. Fails as the decoder
 * does.
 */
class DecodedImageCache {
public:
    explicit DecodedImageCache(CacheOptions options = {});
    ~DecodedImageCache();
    DecodedImageCache(const DecodedImageCache&) = delete;
    DecodedImageCache& operator=(const DecodedImageCache&) = delete;

    Result<std::shared_ptr<const imaging::RgbImage>> get(const Sample& sample);

    CacheStats stats() const;
    /** Writes every pending disk entry (the in-memory ones included) and waits for them. */
    void flush();
    const CacheOptions& options() const { return m_options; }

private:
    struct Entry {
        std::string key; ///< path + size + mtime
        std::shared_ptr<const imaging::RgbImage> image;
        std::int64_t bytes = 0;
        std::filesystem::path unspilled; ///< disk entry still to write; empty when written
    };
    std::shared_ptr<const imaging::RgbImage> lookup(const std::string& key);
    /** The disk entries' name suffix: the short side, or the exact resize and its filter. */
    std::string variantName() const;
    /** spill: where the disk entry goes (written on eviction or flush); empty for none. */
    void insert(const std::string& key, std::shared_ptr<const imaging::RgbImage> image,
                std::filesystem::path spill);
    /** Queues every in-memory entry whose disk entry is not written yet. */
    void queueUnspilled();

    CacheOptions m_options;
    mutable std::mutex m_mutex;
    std::list<Entry> m_lru; ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
    CacheStats m_stats;

    void writeLoop();
    void queueSpill(std::filesystem::path file, std::shared_ptr<const imaging::RgbImage> image,
                    bool bounded);
    std::mutex m_spillMutex;
    std::condition_variable m_spillWake;
    std::condition_variable m_spillIdle;
    std::deque<std::pair<std::filesystem::path, std::shared_ptr<const imaging::RgbImage>>>
        m_spillQueue;
    bool m_spillBusy = false;
    bool m_spillQuit = false;
    std::thread m_spillThread; ///< started on the first queued write
};

} // namespace tstudio::data
