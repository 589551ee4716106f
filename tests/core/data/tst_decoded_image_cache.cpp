// Decode once: memory budget, disk spill reused by a second cache, invalidation on change.

#include <QTemporaryDir>
#include <QTest>

#include "core/data/decoded_image_cache.h"
#include "core/imaging/image_decoder.h"
#include "dataset_fixtures.h"

using namespace tstudio;
using namespace tstudio::data;
namespace fs = std::filesystem;

namespace {

Sample fileSample(const fs::path& path) {
    Sample sample;
    sample.path = path;
    return sample;
}

} // namespace

class TestDecodedImageCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shrinksAndHitsMemory() {
        QTemporaryDir tmp;
        const fs::path file = fs::path(tmp.path().toStdString()) / "a.png";
        test::writeBytes(file, test::pngBytes(120, 60, 1));
        DecodedImageCache cache({/*shortSide=*/30, /*memoryBudgetBytes=*/1 << 20, {}, {}});
        auto first = cache.get(fileSample(file));
        QVERIFY(first.ok());
        QCOMPARE((*first)->width, 60);
        QCOMPARE((*first)->height, 30);
        auto second = cache.get(fileSample(file));
        QVERIFY(second.ok());
        QCOMPARE(second->get(), first->get()); // the same decoded buffer
        QCOMPARE(cache.stats().decodes, std::int64_t{1});
        QCOMPARE(cache.stats().memoryHits, std::int64_t{1});
    }

    void largeJpegIsDecodedReducedToTheSameSize() {
        QTemporaryDir tmp;
        const fs::path file = fs::path(tmp.path().toStdString()) / "big.jpg";
        test::writeBytes(file, test::jpegBytes(1200, 800, 3));
        DecodedImageCache cache({/*shortSide=*/100, /*memoryBudgetBytes=*/1 << 24, {}, {}});
        auto image = cache.get(fileSample(file));
        QVERIFY(image.ok());
        QCOMPARE((*image)->width, 150);
        QCOMPARE((*image)->height, 100);
        // Truncated: the reduced path must not hide it.
        auto bytes = test::jpegBytes(1200, 800, 4);
        bytes.resize(bytes.size() / 2);
        test::writeBytes(file, bytes);
        QVERIFY(!cache.get(fileSample(file)).ok());
    }

    void staysWithinTheMemoryBudget() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const std::int64_t imageBytes = 20 * 20 * 3;
        DecodedImageCache cache({0, imageBytes * 3, {}, {}});
        for (int i = 0; i < 10; ++i) {
            const fs::path file = dir / (std::to_string(i) + ".png");
            test::writeBytes(file, test::pngBytes(20, 20, i));
            QVERIFY(cache.get(fileSample(file)).ok());
            QVERIFY(cache.stats().memoryBytes <= imageBytes * 3);
        }
        QCOMPARE(cache.stats().entries, std::int64_t{3});
        // The most recent ones stayed: 9 is a hit, 0 is decoded again.
        QVERIFY(cache.get(fileSample(dir / "9.png")).ok());
        QCOMPARE(cache.stats().memoryHits, std::int64_t{1});
        QVERIFY(cache.get(fileSample(dir / "0.png")).ok());
        QCOMPARE(cache.stats().decodes, std::int64_t{11});
    }

    void diskSpillServesALaterRunAndFollowsTheContent() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const fs::path file = dir / "img/a.png";
        test::writeBytes(file, test::pngBytes(40, 40, 1));
        const CacheOptions options{32, 1 << 20, dir / "spill", {}};
        {
            DecodedImageCache cache(options);
            QVERIFY(cache.get(fileSample(file)).ok());
            QCOMPARE(cache.stats().decodes, std::int64_t{1});
            cache.flush();
            QCOMPARE(std::distance(fs::recursive_directory_iterator(dir / "spill"),
                                   fs::recursive_directory_iterator()),
                     std::ptrdiff_t{2}); // one folder, one entry: no temporary left over
        }
        DecodedImageCache later(options);
        auto image = later.get(fileSample(file));
        QVERIFY(image.ok());
        QCOMPARE(later.stats().decodes, std::int64_t{0});
        QCOMPARE(later.stats().diskHits, std::int64_t{1});
        QCOMPARE((*image)->width, 32);

        // New content (and size, so the memory key changes too): decoded afresh.
        test::writeBytes(file, test::pngBytes(50, 40, 2));
        auto changed = later.get(fileSample(file));
        QVERIFY(changed.ok());
        QCOMPARE(later.stats().decodes, std::int64_t{1});
        QCOMPARE((*changed)->width, 40);
        QCOMPARE((*changed)->height, 32);
    }

    void exactEvaluationEntriesAreKeptApartFromFastOnes() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        const fs::path file = dir / "img/a.png";
        test::writeBytes(file, test::pngBytes(60, 40, 3));
        imaging::EvalTransform eval;
        eval.resizeShortSide = 32;
        eval.cropSize = 28;
        CacheOptions fastOptions{32, 1 << 20, dir / "spill", {}};
        CacheOptions exactOptions = fastOptions;
        exactOptions.exactEval = eval;
        {
            DecodedImageCache fast(fastOptions);
            QVERIFY(fast.get(fileSample(file)).ok());
            fast.flush();
        }
        DecodedImageCache exact(exactOptions);
        auto image = exact.get(fileSample(file));
        QVERIFY(image.ok());
        QCOMPARE(exact.stats().diskHits, std::int64_t{0}); // the fast entry is not its pixels
        QCOMPARE(exact.stats().decodes, std::int64_t{1});
        auto full = imaging::decodeImage(file);
        QVERIFY(full.ok());
        QVERIFY((*image)->pixels == imaging::resizeShortSide(*full, eval).pixels);
        QCOMPARE((*image)->width, 48);
    }

    void failsOnBadFilesAndPassesInMemoryImages() {
        QTemporaryDir tmp;
        const fs::path dir(tmp.path().toStdString());
        test::writeText(dir / "bad.jpg", "not an image");
        DecodedImageCache cache(CacheOptions{});
        QVERIFY(!cache.get(fileSample(dir / "bad.jpg")).ok());
        QVERIFY(!cache.get(fileSample(dir / "missing.jpg")).ok());
        Sample memory;
        auto image = std::make_shared<imaging::RgbImage>();
        image->width = image->height = 8;
        image->pixels.assign(8 * 8 * 3, 7);
        memory.image = image;
        auto got = cache.get(memory);
        QVERIFY(got.ok());
        QCOMPARE(got->get(), image.get());
    }

    void defaultDirFollowsXdg() {
        qputenv("XDG_CACHE_HOME", "/some/cache");
        QCOMPARE(defaultDiskCacheDir(), fs::path("/some/cache/transfer-studio/decoded"));
        qunsetenv("XDG_CACHE_HOME");
        QVERIFY(defaultDiskCacheDir().string().ends_with(".cache/transfer-studio/decoded"));
    }
};

QTEST_GUILESS_MAIN(TestDecodedImageCache)
#include "tst_decoded_image_cache.moc"
