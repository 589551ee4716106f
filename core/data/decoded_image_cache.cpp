#include "core/data/decoded_image_cache.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/data/content_hash.h"
#include "core/imaging/image_decoder.h"
#include "core/imaging/image_format.h"
#include "core/imaging/jpeg_scaled_decoder.h"

namespace tstudio::data {

namespace fs = std::filesystem;
using imaging::RgbImage;

namespace {

constexpr char kMagic[8] = {'T', 'S', 'R', 'G', 'B', '0', '0', '1'};

imaging::RgbImage shrink(const RgbImage& image, int shortSide) {
    const int side = std::min(image.width, image.height);
    if (shortSide <= 0 || side <= shortSide) {
        return image;
    }
    // torchvision's Resize(int): the short side becomes shortSide, the long one is truncated.
    const double scale = static_cast<double>(shortSide) / side;
    const int w = image.width <= image.height
                      ? shortSide
                      : static_cast<int>(static_cast<double>(image.width) * scale);
    const int h = image.height < image.width
                      ? shortSide
                      : static_cast<int>(static_cast<double>(image.height) * scale);
    RgbImage out;
    out.width = w;
    out.height = h;
    out.pixels.resize(static_cast<std::size_t>(w) * h * 3);
    const cv::Mat src(image.height, image.width, CV_8UC3,
                      const_cast<std::uint8_t*>(image.pixels.data())); // read only
    cv::Mat dst(h, w, CV_8UC3, out.pixels.data());
    // INTER_AREA antialiases big reductions; below 2x bilinear is as good and several times
    // faster (OpenCV's area filter has no fast path for fractional scales).
    cv::resize(src, dst, dst.size(), 0, 0, scale < 0.5 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

std::optional<RgbImage> readSpill(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    char magic[8];
    std::int32_t size[2];
    if (!in.read(magic, 8) || std::memcmp(magic, kMagic, 8) != 0 ||
        !in.read(reinterpret_cast<char*>(size), sizeof size) || size[0] <= 0 || size[1] <= 0 ||
        size[0] > 65535 || size[1] > 65535) {
        return std::nullopt;
    }
    RgbImage image;
    image.width = size[0];
    image.height = size[1];
    image.pixels.resize(static_cast<std::size_t>(size[0]) * size[1] * 3);
    if (!in.read(reinterpret_cast<char*>(image.pixels.data()),
                 static_cast<std::streamsize>(image.pixels.size()))) {
        return std::nullopt; // cut short (a crash while writing is impossible: atomic writes)
    }
    return image;
}

void writeSpill(const fs::path& file, const RgbImage& image) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    // Temporary name + rename: readers never see half a file. No fsync (unlike
    // writeFileAtomically): after a power cut a lost entry only costs a decode, and syncing
    // every entry would make the first epoch slower than not caching at all.
    static std::atomic<std::uint64_t> counter{0};
    const fs::path tmp =
        file.string() + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    {
        std::ofstream out(tmp, std::ios::binary);
        const std::int32_t size[2] = {image.width, image.height};
        out.write(kMagic, 8);
        out.write(reinterpret_cast<const char*>(size), sizeof size);
        out.write(reinterpret_cast<const char*>(image.pixels.data()),
                  static_cast<std::streamsize>(image.pixels.size()));
        if (!out) {
            out.close();
            fs::remove(tmp, ec);
            return; // a full disk only costs a decode next time
        }
    }
    fs::rename(tmp, file, ec);
    if (ec) {
        fs::remove(tmp, ec);
    }
}

Result<std::vector<std::uint8_t>> readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        return fail(path.string() + ": cannot be opened for reading");
    }
    std::vector<std::uint8_t> bytes(
        static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()),
                 static_cast<std::streamsize>(bytes.size()))) {
        return fail(path.string() + ": read error");
    }
    return bytes;
}

} // namespace

fs::path defaultDiskCacheDir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    fs::path base;
    if (xdg != nullptr && *xdg != '\0' && fs::path(xdg).is_absolute()) {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        base = fs::path(home != nullptr ? home : "/tmp") / ".cache";
    }
    return base / "transfer-studio" / "decoded";
}

DecodedImageCache::DecodedImageCache(CacheOptions options) : m_options(std::move(options)) {}

DecodedImageCache::~DecodedImageCache() {
    queueUnspilled();
    {
        std::lock_guard lock(m_spillMutex);
        m_spillQuit = true;
    }
    m_spillWake.notify_all();
    if (m_spillThread.joinable()) {
        m_spillThread.join(); // writes what is queued first: the next run finds it
    }
}

void DecodedImageCache::queueSpill(fs::path file, std::shared_ptr<const RgbImage> image,
                                   bool bounded) {
    {
        std::lock_guard lock(m_spillMutex);
        // Bounded: when the disk cannot keep up, evicted entries are skipped (a decode next run)
        // rather than held in memory without limit.
        constexpr std::size_t kMaxQueued = 512;
        if (bounded && m_spillQueue.size() >= kMaxQueued) {
            return;
        }
        m_spillQueue.emplace_back(std::move(file), std::move(image));
        if (!m_spillThread.joinable()) {
            m_spillThread = std::thread([this] { writeLoop(); });
        }
    }
    m_spillWake.notify_one();
}

void DecodedImageCache::writeLoop() {
#ifdef __linux__
    // Idle priority (Linux nice applies per thread): on a busy machine the loader's workers
    // come first, the backlog is written when a core is free or when the cache is destroyed.
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 19);
#endif
    std::unique_lock lock(m_spillMutex);
    for (;;) {
        m_spillWake.wait(lock, [&] { return m_spillQuit || !m_spillQueue.empty(); });
        if (m_spillQueue.empty()) {
            return; // quit, and nothing left to write
        }
        auto [file, image] = std::move(m_spillQueue.front());
        m_spillQueue.pop_front();
        m_spillBusy = true;
        lock.unlock();
        writeSpill(file, *image);
        lock.lock();
        m_spillBusy = false;
        if (m_spillQueue.empty()) {
            m_spillIdle.notify_all();
        }
    }
}

void DecodedImageCache::flush() {
    queueUnspilled();
    std::unique_lock lock(m_spillMutex);
    m_spillIdle.wait(lock, [&] { return m_spillQueue.empty() && !m_spillBusy; });
}

CacheStats DecodedImageCache::stats() const {
    std::lock_guard lock(m_mutex);
    return m_stats;
}

std::shared_ptr<const RgbImage> DecodedImageCache::lookup(const std::string& key) {
    std::lock_guard lock(m_mutex);
    const auto it = m_index.find(key);
    if (it == m_index.end()) {
        return nullptr;
    }
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    ++m_stats.memoryHits;
    return it->second->image;
}

void DecodedImageCache::insert(const std::string& key, std::shared_ptr<const RgbImage> image,
                               fs::path spill) {
    const auto bytes = static_cast<std::int64_t>(image->pixels.size());
    // Entries that leave memory are written to disk now (outside the lock); those that stay are
    // written by flush() or the destructor, so the first epoch does not pay for disk writes.
    std::vector<std::pair<fs::path, std::shared_ptr<const RgbImage>>> toSpill;
    {
        std::lock_guard lock(m_mutex);
        if (m_index.count(key) != 0 || bytes > m_options.memoryBudgetBytes) {
            if (!spill.empty()) {
                toSpill.emplace_back(std::move(spill), std::move(image));
            }
        } else {
            m_lru.push_front({key, std::move(image), bytes, std::move(spill)});
            m_index[key] = m_lru.begin();
            m_stats.memoryBytes += bytes;
            while (m_stats.memoryBytes > m_options.memoryBudgetBytes && !m_lru.empty()) {
                Entry& last = m_lru.back();
                if (!last.unspilled.empty()) {
                    toSpill.emplace_back(std::move(last.unspilled), last.image);
                }
                m_stats.memoryBytes -= last.bytes;
                m_index.erase(last.key);
                m_lru.pop_back();
            }
            m_stats.entries = static_cast<std::int64_t>(m_lru.size());
        }
    }
    for (auto& [file, entry] : toSpill) {
        queueSpill(std::move(file), std::move(entry), /*bounded=*/true);
    }
}

void DecodedImageCache::queueUnspilled() {
    std::vector<std::pair<fs::path, std::shared_ptr<const RgbImage>>> toSpill;
    {
        std::lock_guard lock(m_mutex);
        for (Entry& entry : m_lru) {
            if (!entry.unspilled.empty()) {
                toSpill.emplace_back(std::move(entry.unspilled), entry.image);
                entry.unspilled.clear();
            }
        }
    }
    // Unbounded: these images are held in memory anyway.
    for (auto& [file, entry] : toSpill) {
        queueSpill(std::move(file), std::move(entry), /*bounded=*/false);
    }
}

CacheOptions augmentationSource(const imaging::EvalTransform& eval) {
    CacheOptions options;
    options.shortSide = eval.resizeShortSide;
    options.diskDir = defaultDiskCacheDir();
    return options;
}

CacheOptions evaluationSource(const imaging::EvalTransform& eval) {
    CacheOptions options;
    options.exactEval = eval;
    options.diskDir = defaultDiskCacheDir();
    return options;
}

std::string DecodedImageCache::variantName() const {
    if (!m_options.exactEval) {
        return std::to_string(m_options.shortSide);
    }
    // The resize alone decides the pixels: size and filter.
    return "exact" + std::to_string(m_options.exactEval->resizeShortSide) + "f" +
           std::to_string(static_cast<int>(m_options.exactEval->filter));
}

Result<std::shared_ptr<const RgbImage>> DecodedImageCache::get(const Sample& sample) {
    if (sample.inMemory()) {
        if (m_options.exactEval) {
            return std::make_shared<const RgbImage>(
                imaging::resizeShortSide(*sample.image, *m_options.exactEval));
        }
        if (std::min(sample.image->width, sample.image->height) <= m_options.shortSide ||
            m_options.shortSide <= 0) {
            return sample.image;
        }
        return std::make_shared<const RgbImage>(shrink(*sample.image, m_options.shortSide));
    }
    std::error_code ec;
    const auto size = fs::file_size(sample.path, ec);
    const auto mtime = fs::last_write_time(sample.path, ec);
    if (ec) {
        return fail(sample.path.string() + ": no such file (it was moved or deleted)");
    }
    // Size and modification time stand in for the content between runs of this process; the
    // disk cache below is keyed by the content itself.
    const std::string key = sample.path.string() + '\n' + std::to_string(size) + '\n' +
                            std::to_string(mtime.time_since_epoch().count());
    if (auto hit = lookup(key)) {
        return hit;
    }
    auto bytes = readFile(sample.path);
    if (!bytes) {
        return bytes.error();
    }
    fs::path spill;
    if (!m_options.diskDir.empty()) {
        const std::string hash = contentHash(*bytes);
        spill = m_options.diskDir / hash.substr(0, 2) / (hash + "-" + variantName() + ".rgb");
        if (auto cached = readSpill(spill)) {
            auto image = std::make_shared<const RgbImage>(std::move(*cached));
            {
                std::lock_guard lock(m_mutex);
                ++m_stats.diskHits;
            }
            insert(key, image, {});
            return std::shared_ptr<const RgbImage>(image);
        }
    }
    // A complete JPEG goes straight to RGB at the smallest M/8 scale that keeps shortSide
    // (libjpeg-turbo's scaled IDCT); anything else, or a damaged file, takes the full decoder,
    // which also says what is wrong.
    std::optional<RgbImage> reduced;
    if (!m_options.exactEval && m_options.shortSide > 0 &&
        imaging::sniffImageFormat(*bytes) == imaging::ImageFormat::Jpeg &&
        imaging::jpegIsComplete(*bytes)) {
        reduced = imaging::decodeJpegAtLeast(*bytes, m_options.shortSide);
    }
    if (!reduced) {
        auto decoded = imaging::decodeImageBytes(*bytes, sample.path.string());
        if (!decoded) {
            return decoded.error();
        }
        reduced = std::move(decoded).value();
    }
    auto image = std::make_shared<const RgbImage>(
        m_options.exactEval ? imaging::resizeShortSide(*reduced, *m_options.exactEval)
                            : shrink(*reduced, m_options.shortSide));
    {
        std::lock_guard lock(m_mutex);
        ++m_stats.decodes;
    }
    insert(key, image, std::move(spill));
    return std::shared_ptr<const RgbImage>(image);
}

} // namespace tstudio::data
