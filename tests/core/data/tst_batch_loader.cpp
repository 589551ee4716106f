// The parallel loader: complete epochs, identical batches for any worker count, stop.

#include <QTemporaryDir>
#include <QTest>

#include "core/data/batch_loader.h"
#include "core/data/dataset_opener.h"
#include "dataset_fixtures.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    QTemporaryDir tmp;
    Dataset dataset;
    std::vector<std::size_t> all;

    explicit Fixture(int perClass = 10) {
        const fs::path root(tmp.path().toStdString());
        for (int i = 0; i < perClass; ++i) {
            test::writeBytes(root / "a" / (std::to_string(i) + ".png"), test::pngBytes(40, 30, i));
            test::writeBytes(root / "b" / (std::to_string(i) + ".jpg"),
                             test::jpegBytes(30, 40, 100 + i));
        }
        test::writeText(root / "b/broken.jpg", "no image");
        dataset = std::move(openDataset(root)).value();
        for (std::size_t i = 0; i < dataset.size(); ++i) {
            all.push_back(i);
        }
    }
};

LoaderOptions smallOptions(int workers) {
    LoaderOptions options;
    options.batchSize = 4;
    options.workers = workers;
    options.prefetchBatches = 2;
    options.seed = 17;
    options.augmentation.crop.size = 16;
    options.augmentation.colorJitter.probability = 0.5f;
    return options;
}

std::vector<Batch> epoch(BatchLoader& loader, int number) {
    loader.startEpoch(number);
    std::vector<Batch> batches;
    while (auto batch = loader.next()) {
        batches.push_back(std::move(*batch));
    }
    return batches;
}

} // namespace

class TestBatchLoader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deliversEverySampleOnceInOrder() {
        Fixture f;
        DecodedImageCache cache(CacheOptions{});
        BatchLoader loader(f.dataset, f.all, cache, smallOptions(3));
        QCOMPARE(loader.batchCount(), std::int64_t{6}); // 21 samples, batches of 4
        const auto batches = epoch(loader, 0);
        QCOMPARE(batches.size(), std::size_t{6});
        std::vector<std::size_t> seen;
        std::size_t failures = 0;
        for (std::size_t b = 0; b < batches.size(); ++b) {
            const Batch& batch = batches[b];
            QCOMPARE(batch.index, static_cast<std::int64_t>(b));
            QCOMPARE(batch.images.size(1), 3);
            QCOMPARE(batch.images.size(2), 16);
            QCOMPARE(batch.images.size(0), static_cast<std::int64_t>(batch.samples.size()));
            for (std::size_t i = 0; i < batch.samples.size(); ++i) {
                QCOMPARE(batch.labels[static_cast<std::int64_t>(i)].item<std::int64_t>(),
                         std::int64_t{f.dataset.sample(batch.samples[i]).label});
            }
            seen.insert(seen.end(), batch.samples.begin(), batch.samples.end());
            failures += batch.failures.size();
        }
        QCOMPARE(failures, std::size_t{1}); // broken.jpg, named, not fatal
        std::sort(seen.begin(), seen.end());
        QCOMPARE(seen.size(), std::size_t{20});
        QVERIFY(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
        // Normalised values: roughly within [-2.2, 2.7].
        QVERIFY(batches[0].images.min().item<float>() >= -2.2f);
        QVERIFY(batches[0].images.max().item<float>() <= 2.7f);
    }

    void sameBatchesForAnyWorkerCount() {
        Fixture f;
        DecodedImageCache cache(CacheOptions{});
        BatchLoader one(f.dataset, f.all, cache, smallOptions(1));
        BatchLoader four(f.dataset, f.all, cache, smallOptions(4));
        const auto a = epoch(one, 2);
        const auto b = epoch(four, 2);
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].samples, b[i].samples);
            QVERIFY(torch::equal(a[i].images, b[i].images));
        }
        const auto other = epoch(one, 3);
        QVERIFY(other[0].samples != a[0].samples || !torch::equal(other[0].images, a[0].images));
    }

    void heldBatchesKeepTheirImagesWhileLaterOnesAreMade() {
        // The loader recycles batch memory (BatchBufferPool): a batch the consumer still holds
        // must not be overwritten by later ones, whether it holds one batch or the whole epoch.
        Fixture f(20);
        DecodedImageCache cache(CacheOptions{});
        BatchLoader loader(f.dataset, f.all, cache, smallOptions(2));
        const auto held = epoch(loader, 4);
        loader.startEpoch(4);
        std::size_t i = 0;
        while (auto batch = loader.next()) {
            QVERIFY(i < held.size());
            QVERIFY(torch::equal(batch->images, held[i].images));
            ++i;
        }
        QCOMPARE(i, held.size());
    }

    void evalPathIsDeterministicWithoutShuffle() {
        Fixture f(3);
        DecodedImageCache cache(CacheOptions{});
        LoaderOptions options = smallOptions(2);
        options.augment = false;
        options.shuffle = false;
        options.eval.resizeShortSide = 20;
        options.eval.cropSize = 16;
        BatchLoader loader(f.dataset, f.all, cache, options);
        const auto batches = epoch(loader, 0);
        QCOMPARE(batches[0].samples, (std::vector<std::size_t>{0, 1, 2, 3}));
        QCOMPARE(batches[0].images.size(3), 16);
    }

    void stopsWithinABatch() {
        Fixture f(40);
        DecodedImageCache cache(CacheOptions{});
        LoaderOptions options = smallOptions(2);
        BatchLoader loader(f.dataset, f.all, cache, options);
        loader.startEpoch(0);
        QVERIFY(loader.next().has_value());
        loader.requestStop();
        QVERIFY(!loader.next().has_value());
        // Usable again for the next epoch.
        loader.startEpoch(1);
        QVERIFY(loader.next().has_value());
    }
};

QTEST_GUILESS_MAIN(TestBatchLoader)
#include "tst_batch_loader.moc"
