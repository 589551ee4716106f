// data_pipeline: decode + augment + collate throughput (images/s, 224 px, batch 32) of the
// BatchLoader on $TSTUDIO_SHARED/datasets/hymenoptera, cold cache and warm cache, against
// torchvision's DataLoader (RandomResizedCrop + flip + ToTensor + Normalize, same workers) run
// by /usr/bin/python3 in the same run; plus the time to list a 100,000-file image folder.
// Prints one JSON object. Not a test.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <unistd.h>

#include "core/data/batch_loader.h"
#include "core/data/dataset_opener.h"
#include "core/data/image_folder_source.h"

namespace fs = std::filesystem;
using namespace tstudio::data;

namespace {

constexpr int kBatch = 32;
constexpr int kSize = 224;

const char* kTorchvisionScript = R"PY(
import json, sys, time
import torch, torchvision
from torchvision import datasets, transforms
root, workers, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
t = transforms.Compose([
    transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(),
    transforms.ToTensor(),
    transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
ds = torch.utils.data.ConcatDataset(
    [datasets.ImageFolder(root + "/train", t), datasets.ImageFolder(root + "/val", t)])
loader = torch.utils.data.DataLoader(ds, batch_size=32, shuffle=True, num_workers=workers,
                                     persistent_workers=workers > 0)
rates = []
for epoch in range(epochs):
    start = time.perf_counter()
    n = 0
    for images, labels in loader:
        n += images.shape[0]
    rates.append(n / (time.perf_counter() - start))
print(json.dumps({"imagesPerSecond": rates, "torch": torch.__version__,
                  "torchvision": torchvision.__version__}))
)PY";

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

/** Images per second of one epoch. */
double runEpoch(BatchLoader& loader, int epoch, std::int64_t& images) {
    const auto start = std::chrono::steady_clock::now();
    loader.startEpoch(epoch);
    images = 0;
    while (auto batch = loader.next()) {
        images += batch->images.size(0);
    }
    return static_cast<double>(images) / seconds(std::chrono::steady_clock::now() - start);
}

std::string runTorchvision(const fs::path& root, int workers, const fs::path& tmp) {
    const fs::path script = tmp / "torchvision_loader.py";
    std::ofstream(script) << kTorchvisionScript;
    const std::string command = "/usr/bin/python3 '" + script.string() + "' '" + root.string() +
                                "' " + std::to_string(workers) + " 3 2>/dev/null";
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, pipe)) {
            out += buffer;
        }
        pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) {
        out.pop_back();
    }
    return out.empty() ? std::string("null") : out;
}

/** Seconds to list 100,000 empty .jpg files in 100 class folders (created first). */
double scanHundredThousand(const fs::path& tmp, std::int64_t& found) {
    const fs::path root = tmp / "scan100k";
    for (int c = 0; c < 100; ++c) {
        const fs::path dir = root / ("class" + std::to_string(c));
        fs::create_directories(dir);
        for (int i = 0; i < 1000; ++i) {
            std::ofstream(dir / (std::to_string(i) + ".jpg"));
        }
    }
    const auto start = std::chrono::steady_clock::now();
    auto dataset = scanImageFolder(root);
    const double elapsed = seconds(std::chrono::steady_clock::now() - start);
    found = dataset ? static_cast<std::int64_t>(dataset->size()) : -1;
    return elapsed;
}

} // namespace

int main() {
    const char* shared = std::getenv("TSTUDIO_SHARED");
    if (shared == nullptr) {
        std::fprintf(stderr, "data_pipeline: set TSTUDIO_SHARED to the shared/ folder\n");
        return 2;
    }
    const fs::path root = fs::path(shared) / "datasets" / "hymenoptera";
    auto dataset = openDataset(root);
    if (!dataset) {
        std::fprintf(stderr, "data_pipeline: %s\n", dataset.message().c_str());
        return 2;
    }
    const int workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const fs::path tmp =
        fs::temp_directory_path() / ("tstudio-bench-" + std::to_string(::getpid()));
    fs::create_directories(tmp);

    std::vector<std::size_t> all(dataset->size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        all[i] = i;
    }
    LoaderOptions options;
    options.batchSize = kBatch;
    options.workers = workers;
    options.augmentation.crop.size = kSize;
    CacheOptions cacheOptions;
    cacheOptions.diskDir = tmp / "spill"; // empty: the first epoch decodes every file
    DecodedImageCache cache(cacheOptions);
    BatchLoader loader(*dataset, all, cache, options);
    std::int64_t images = 0;
    const double cold = runEpoch(loader, 0, images);
    const double warm = std::max(runEpoch(loader, 1, images), runEpoch(loader, 2, images));
    // The disk cache is written behind, at idle priority: what is left after three epochs.
    const auto flushStart = std::chrono::steady_clock::now();
    cache.flush();
    const double spillBacklog = seconds(std::chrono::steady_clock::now() - flushStart);

    // Cold again without the disk spill: what writing the spill costs.
    DecodedImageCache memoryOnly(
        CacheOptions{cacheOptions.shortSide, cacheOptions.memoryBudgetBytes, {}, {}});
    BatchLoader memoryLoader(*dataset, all, memoryOnly, options);
    const double coldNoSpill = runEpoch(memoryLoader, 0, images);

    // A later run: a fresh process-level cache that finds the disk spill.
    DecodedImageCache diskCache(cacheOptions);
    BatchLoader diskLoader(*dataset, all, diskCache, options);
    const double warmDisk = runEpoch(diskLoader, 0, images);

    const std::string tv = runTorchvision(root, workers, tmp);
    // The best of torchvision's epochs (its first pays for starting worker processes): both
    // ratios are against its steady state, the conservative comparison.
    double tvBest = 0;
    if (const auto at = tv.find('['); at != std::string::npos) {
        std::size_t pos = at + 1;
        while (pos < tv.size() && tv[pos] != ']') {
            tvBest = std::max(tvBest, std::stod(tv.substr(pos)));
            pos = tv.find_first_of(",]", pos);
            if (pos != std::string::npos && tv[pos] == ',') {
                ++pos;
            }
        }
    }
    std::int64_t found = 0;
    const double scan = scanHundredThousand(tmp, found);
    std::error_code ec;
    fs::remove_all(tmp, ec);

    std::printf("{\"dataset\": \"hymenoptera\", \"images\": %lld, \"size\": %d, \"batch\": %d, "
                "\"workers\": %d,\n \"tstudio\": {\"coldImagesPerSecond\": %.1f, "
                "\"coldNoSpillImagesPerSecond\": %.1f, \"warmImagesPerSecond\": %.1f, "
                "\"warmDiskImagesPerSecond\": %.1f, \"spillBacklogSeconds\": %.3f},\n"
                " \"torchvision\": %s,\n"
                " \"ratioCold\": %.2f, \"ratioWarm\": %.2f,\n"
                " \"scan100k\": {\"files\": %lld, \"seconds\": %.3f}}\n",
                static_cast<long long>(images), kSize, kBatch, workers, cold, coldNoSpill, warm,
                warmDisk, spillBacklog, tv.c_str(), tvBest > 0 ? cold / tvBest : 0.0,
                tvBest > 0 ? warm / tvBest : 0.0, static_cast<long long>(found), scan);
    return 0;
}
