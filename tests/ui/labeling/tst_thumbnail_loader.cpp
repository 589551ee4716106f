// Thumbnails arrive from the pool, not the GUI thread: a placeholder first, the picture after
// thumbnailReady, an error icon for a damaged file, one decode for repeated asks, and the disk
// cache (keyed by content) answers a second loader and a renamed copy.

#include <random>

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/data/dataset.h"
#include "ui/labeling/image_grid_model.h"
#include "ui/labeling/thumbnail_loader.h"
#include "ui/project/project_state.h"

using namespace tstudio;
using tstudio::ui::ThumbnailLoader;

namespace {

QString writeImage(const QDir& dir, const QString& name, QSize size, QColor color) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    const QString path = dir.filePath(name);
    if (!image.save(path)) {
        return {};
    }
    return path;
}

/** Waits until path is reported ready by loader. */
bool waitReady(ThumbnailLoader& loader, const QString& path) {
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
    if (!loader.thumbnail(path).isNull() || loader.hasFailed(path)) {
        return true;
    }
    return QTest::qWaitFor(
        [&] {
            for (const QList<QVariant>& args : ready) {
                if (args.at(0).toString() == path) {
                    return true;
                }
            }
            return false;
        },
        20000);
}

int longestSide(const QIcon& icon) {
    const QList<QSize> sizes = icon.availableSizes();
    return sizes.isEmpty() ? 0 : std::max(sizes.front().width(), sizes.front().height());
}

} // namespace

class TestThumbnailLoader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thumbnailsArriveAfterAPlaceholder() {
        QTemporaryDir images, cache;
        const QString jpeg =
            writeImage(QDir(images.path()), QStringLiteral("big.jpg"), QSize(1600, 1200), Qt::red);
        const QString png =
            writeImage(QDir(images.path()), QStringLiteral("small.png"), QSize(40, 30), Qt::blue);
        QVERIFY(!jpeg.isEmpty() && !png.isEmpty());

        ui::ProjectState state;
        data::Dataset dataset(data::DatasetKind::Custom, images.path().toStdString());
        for (const QString& path : {jpeg, png}) {
            data::Sample sample;
            sample.path = path.toStdString();
            dataset.addSample(sample);
        }
        state.setDataset(dataset);
        ThumbnailLoader loader(64, cache.path());
        ui::ImageGridModel model(&state, &loader);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Before: the placeholder, and the ask is queued.
        const QIcon before = model.index(0).data(Qt::DecorationRole).value<QIcon>();
        QCOMPARE(before.cacheKey(), loader.placeholder().cacheKey());
        QVERIFY(waitReady(loader, jpeg));
        QVERIFY(QTest::qWaitFor([&] { return !changed.isEmpty(); }, 5000));
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(Qt::DecorationRole));
        const QIcon after = model.index(0).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(after.cacheKey() != loader.placeholder().cacheKey());
        QCOMPARE(longestSide(after), 64); // shrunk to fit, aspect kept
        QCOMPARE(after.availableSizes().front(), QSize(64, 48));
        const QImage pixels = after.pixmap(QSize(64, 48)).toImage();
        QVERIFY(qRed(pixels.pixel(32, 24)) > 200 && qBlue(pixels.pixel(32, 24)) < 60);

        QVERIFY(waitReady(loader, png));
        QCOMPARE(loader.thumbnail(png).availableSizes().front(), QSize(40, 30)); // never enlarged
    }

    void aDamagedFileGetsTheErrorIcon() {
        QTemporaryDir images;
        const QString bad = QDir(images.path()).filePath(QStringLiteral("bad.jpg"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xFF\xD8\xFF\xE0 this is no JPEG at all");
        file.close();
        const QString gone = QDir(images.path()).filePath(QStringLiteral("gone.png"));
        ThumbnailLoader loader(64, QString());
        QVERIFY(loader.thumbnail(bad).isNull());
        QVERIFY(waitReady(loader, bad));
        QVERIFY(loader.hasFailed(bad));
        QCOMPARE(loader.thumbnail(bad).cacheKey(), loader.errorIcon().cacheKey());
        QVERIFY(waitReady(loader, gone));
        QCOMPARE(loader.thumbnail(gone).cacheKey(), loader.errorIcon().cacheKey());
    }

    void repeatedAsksDecodeOnce() {
        QTemporaryDir images;
        const QString path =
            writeImage(QDir(images.path()), QStringLiteral("a.jpg"), QSize(320, 240), Qt::green);
        ThumbnailLoader loader(64, QString());
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(loader.thumbnail(path).isNull() || ready.count() > 0);
        }
        QVERIFY(ready.wait(20000));
        QTest::qWait(100);
        QCOMPARE(ready.count(), 1);
        QVERIFY(!loader.thumbnail(path).isNull());
        QCOMPARE(ready.count(), 1); // answered from memory
    }

    void theDiskCacheAnswersASecondLoader() {
        QTemporaryDir images, cache;
        const QString path =
            writeImage(QDir(images.path()), QStringLiteral("a.jpg"), QSize(800, 600), Qt::yellow);
        {
            ThumbnailLoader first(64, cache.path());
            QVERIFY(waitReady(first, path));
            QCOMPARE(first.diskHits(), 0);
        }
        QCOMPARE(QDir(cache.path()).entryList(QDir::Files).size(), 1);
        ThumbnailLoader second(64, cache.path());
        QVERIFY(waitReady(second, path));
        QCOMPARE(second.diskHits(), 1);
        QCOMPARE(second.thumbnail(path).availableSizes().front(), QSize(64, 48));
        // Keyed by content: a renamed copy is the same thumbnail.
        const QString copy = QDir(images.path()).filePath(QStringLiteral("renamed.jpg"));
        QVERIFY(QFile::copy(path, copy));
        QVERIFY(waitReady(second, copy));
        QCOMPARE(second.diskHits(), 2);
    }

    void aBoundedMemoryCacheDecodesAgain() {
        QTemporaryDir images;
        const QDir dir(images.path());
        ThumbnailLoader loader(64, QString());
        loader.setMemoryLimit(64 * 48 * 4 * 2); // two thumbnails
        QStringList paths;
        for (int i = 0; i < 4; ++i) {
            paths << writeImage(dir, QStringLiteral("%1.png").arg(i), QSize(64, 48),
                                QColor::fromHsv(i * 80, 200, 200));
            QVERIFY(waitReady(loader, paths.back()));
        }
        QVERIFY(!loader.thumbnail(paths.back()).isNull());
        QVERIFY(loader.thumbnail(paths.front()).isNull()); // evicted: queued again
        QVERIFY(waitReady(loader, paths.front()));
    }

    void theDiskCacheStaysWithinItsLimit() {
        QTemporaryDir images, cache;
        const QDir dir(images.path());
        // Noise: every thumbnail is a JPEG of several KB, twelve of them far over the limit.
        std::mt19937 rng(5);
        std::uniform_int_distribution<int> any(0, 255);
        QStringList paths;
        for (int i = 0; i < 12; ++i) {
            QImage image(64, 48, QImage::Format_RGB32);
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    image.setPixel(x, y, qRgb(any(rng), any(rng), any(rng)));
                }
            }
            paths << dir.filePath(QStringLiteral("%1.png").arg(i));
            QVERIFY(image.save(paths.back()));
        }
        constexpr qint64 kLimit = 16 * 1024;
        ThumbnailLoader loader(64, cache.path());
        QCOMPARE(loader.diskLimit(), ThumbnailLoader::kDefaultDiskLimit);
        QSignalSpy trimmed(&loader, &ThumbnailLoader::diskCacheTrimmed);
        loader.setDiskLimit(kLimit);
        for (const QString& path : paths) {
            QVERIFY(waitReady(loader, path));
        }
        // Past the trims the writes started: one more, and the folder is within the limit.
        // A trim under way refuses another: retry until one starts (QTRY evaluates its
        // condition repeatedly, so it latches).
        qsizetype before = 0;
        const auto startTrim = [&] {
            before = trimmed.count();
            return loader.trimDiskCache();
        };
        bool started = false;
        QTRY_VERIFY_WITH_TIMEOUT(started || (started = startTrim()), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(trimmed.count() > before, 10000);
        qint64 bytes = 0;
        const QFileInfoList files = QDir(cache.path()).entryInfoList(QDir::Files);
        for (const QFileInfo& file : files) {
            bytes += file.size();
        }
        QVERIFY2(bytes <= kLimit, qPrintable(QStringLiteral("%1 bytes").arg(bytes)));
        QCOMPARE(trimmed.last().at(0).toLongLong(), bytes);
        QVERIFY(!files.isEmpty());
        QVERIFY(files.size() < paths.size());
        int removed = 0;
        for (const QList<QVariant>& args : trimmed) {
            removed += args.at(1).toInt();
        }
        QCOMPARE(removed + files.size(), paths.size());
        // The newest thumbnail is the most recently used: it stays.
        ThumbnailLoader second(64, cache.path());
        second.setDiskLimit(kLimit);
        QVERIFY(waitReady(second, paths.back()));
        QCOMPARE(second.diskHits(), 1);
    }

    void imagesWithProblemsCarryAWarningMark() {
        QTemporaryDir images;
        const QDir dir(images.path());
        const QString good = writeImage(dir, QStringLiteral("good.png"), QSize(64, 48), Qt::blue);
        const QString bad = dir.filePath(QStringLiteral("bad.jpg"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a picture");
        file.close();
        ui::ProjectState state;
        data::Dataset dataset(data::DatasetKind::Custom, images.path().toStdString());
        for (const QString& path : {good, bad}) {
            data::Sample sample;
            sample.path = path.toStdString();
            dataset.addSample(sample);
        }
        state.setDataset(dataset);
        ThumbnailLoader loader(64, QString());
        ui::ImageGridModel model(&state, &loader);
        QVERIFY(waitReady(loader, good));
        QVERIFY(waitReady(loader, bad));
        const auto keyOf = [&](int row) {
            return model.index(row).data(Qt::DecorationRole).value<QIcon>().cacheKey();
        };
        QCOMPARE(keyOf(1), loader.errorIcon().cacheKey()); // no check yet: no mark

        data::DatasetReport report;
        report.sampleCount = 2;
        report.problems.push_back(
            {data::ProblemKind::NotAnImage, "not an image", {bad.toStdString()}});
        state.setReport(report);
        QCOMPARE(keyOf(0), loader.thumbnail(good).cacheKey());
        const QIcon marked = model.index(1).data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(marked.cacheKey() != loader.errorIcon().cacheKey());
        QCOMPARE(keyOf(1), marked.cacheKey()); // made once, not per paint
        // The mark is drawn in the top right corner, over the error icon's transparent frame.
        const QImage pixels = marked.pixmap(marked.availableSizes().front()).toImage();
        const QImage plain = loader.errorIcon().pixmap(marked.availableSizes().front()).toImage();
        const QPoint corner(pixels.width() - 10, 14);
        QVERIFY(pixels.pixelColor(corner) != plain.pixelColor(corner));
        QCOMPARE(pixels.pixelColor(pixels.width() / 2, pixels.height() - 10),
                 plain.pixelColor(pixels.width() / 2, pixels.height() - 10));
    }
};

QTEST_MAIN(TestThumbnailLoader)
#include "tst_thumbnail_loader.moc"
