#include "ui/labeling/thumbnail_loader.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <span>
#include <system_error>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QStandardPaths>

#include "core/common/folder_trim.h"
#include "core/data/content_hash.h"
#include "core/imaging/image_decoder.h"
#include "core/imaging/jpeg_scaled_decoder.h"
#include "ui/common/rgb_qimage.h"

namespace tstudio::ui {

namespace {

constexpr qsizetype kDefaultMemoryLimit = qsizetype{96} * 1024 * 1024;

QString diskName(const QString& cacheDir, const std::string& hash, int size) {
    return QDir(cacheDir).filePath(QString::fromStdString(hash) + QLatin1Char('-') +
                                   QString::number(size) + QStringLiteral(".jpg"));
}

/** Worker thread: the thumbnail of path, or a null image when it cannot be made. */
QImage makeThumbnail(const QString& path, int size, const QString& cacheDir,
                     std::atomic_int& diskHits, std::atomic<qint64>& bytesWritten) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QByteArray bytes = file.readAll();
    const std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                             static_cast<std::size_t>(bytes.size()));
    QString cached;
    if (!cacheDir.isEmpty()) {
        cached = diskName(cacheDir, data::contentHash(data), size);
        QImage image;
        if (QFileInfo::exists(cached) && image.load(cached)) {
            ++diskHits;
            // Used now: the disk cache's trim removes the least recently used by this time.
            std::error_code ignored; // a read-only cache still serves
            std::filesystem::last_write_time(
                cached.toStdString(), std::filesystem::file_time_type::clock::now(), ignored);
            return image.convertToFormat(QImage::Format_RGB32);
        }
    }
    const bool jpeg = bytes.size() > 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
                      static_cast<unsigned char>(bytes[1]) == 0xD8;
    // The scaled DCT needs only the short side to reach the thumbnail's size: the long side
    // is then larger still, and the shrink below fits it.
    std::optional<imaging::RgbImage> rgb =
        jpeg ? imaging::decodeJpegAtLeast(data, size) : std::nullopt;
    if (!rgb) {
        auto decoded = imaging::decodeImageBytes(data, path.toStdString());
        if (!decoded) {
            return {};
        }
        rgb = std::move(decoded).value();
    }
    const QImage thumbnail = fittedQImage(*rgb, size);
    if (!cached.isEmpty()) {
        // QSaveFile renames into place, so a loader reading the same key never sees half a file.
        QSaveFile out(cached);
        if (out.open(QIODevice::WriteOnly) && thumbnail.save(&out, "JPG", 90)) {
            const qint64 written = out.size();
            if (out.commit()) {
                bytesWritten += written;
            }
        }
    }
    return thumbnail;
}

QIcon drawIcon(int size, bool error) {
    QPixmap pixmap(size, size * 3 / 4);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(128, 128, 128, 60));
    painter.drawRoundedRect(pixmap.rect().adjusted(2, 2, -2, -2), 6, 6);
    if (error) {
        // A red cross: the file is there in the project, but no picture can be made of it.
        painter.setPen(QPen(QColor(200, 40, 40), std::max(2, size / 24)));
        const QRect r = pixmap.rect().adjusted(size / 3, size / 6, -size / 3, -size / 6);
        painter.drawLine(r.topLeft(), r.bottomRight());
        painter.drawLine(r.topRight(), r.bottomLeft());
    }
    painter.end();
    return QIcon(pixmap);
}

} // namespace

QString ThumbnailLoader::defaultCacheDir() {
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/thumbnails");
}

ThumbnailLoader::ThumbnailLoader(int size, QString cacheDir, QObject* parent)
    : QObject(parent), m_size(size), m_cacheDir(std::move(cacheDir)),
      m_placeholder(drawIcon(size, false)), m_errorIcon(drawIcon(size, true)) {
    if (!m_cacheDir.isEmpty() && !QDir().mkpath(m_cacheDir)) {
        m_cacheDir.clear(); // a read-only cache folder costs speed, never thumbnails
    }
    m_cache.setMaxCost(kDefaultMemoryLimit);
    trimDiskCache(); // a cache left larger by an earlier run, or by a larger limit
}

void ThumbnailLoader::setDiskLimit(qint64 bytes) {
    m_diskLimit = std::max<qint64>(0, bytes);
    trimDiskCache();
}

bool ThumbnailLoader::trimDiskCache() {
    if (m_cacheDir.isEmpty() || m_trimming) {
        return false;
    }
    m_trimming = true;
    m_bytesWritten = 0;
    // Down to 7/8 of the limit: a trim frees room for a while instead of one file.
    const auto limit = static_cast<std::uint64_t>(m_diskLimit);
    m_pool.start([this, dir = m_cacheDir.toStdString(), limit] {
        const FolderTrim trim = trimFolder(dir, limit, limit - limit / 8);
        // The destructor waits for the pool, so this object is alive while we post.
        QMetaObject::invokeMethod(
            this,
            [this, trim] {
                m_trimming = false;
                Q_EMIT diskCacheTrimmed(static_cast<qint64>(trim.bytesAfter),
                                        static_cast<int>(trim.removed));
            },
            Qt::QueuedConnection);
    });
    return true;
}

ThumbnailLoader::~ThumbnailLoader() {
    m_pool.clear();
    m_pool.waitForDone();
}

QIcon ThumbnailLoader::thumbnail(const QString& path) {
    if (const QIcon* icon = m_cache.object(path)) {
        return *icon;
    }
    if (m_failed.contains(path)) {
        return m_errorIcon;
    }
    if (!m_queued.contains(path) && !m_running.contains(path)) {
        m_queue.push_back(path);
        m_queued.insert(path);
        if (m_queue.size() > static_cast<std::size_t>(kMaxQueued)) {
            // The oldest asks are rows a view has scrolled past: drop them; asked again when
            // they are painted again.
            m_queued.remove(m_queue.front());
            m_queue.pop_front();
        }
        pump();
    }
    return {};
}

void ThumbnailLoader::setMemoryLimit(qsizetype bytes) {
    m_cache.setMaxCost(bytes);
}

void ThumbnailLoader::clearQueue() {
    m_queue.clear();
    m_queued.clear();
}

void ThumbnailLoader::pump() {
    // One decode per pool thread at a time, the rest waits here rather than in the pool, so
    // the newest asks (the rows on screen now) go first and stale ones can be dropped.
    while (!m_queue.empty() && m_running.size() < m_pool.maxThreadCount()) {
        const QString path = m_queue.back();
        m_queue.pop_back();
        m_queued.remove(path);
        m_running.insert(path);
        m_pool.start([this, path, size = m_size, cacheDir = m_cacheDir] {
            const QImage image = makeThumbnail(path, size, cacheDir, m_diskHits, m_bytesWritten);
            // The destructor waits for the pool, so this object is alive while we post.
            QMetaObject::invokeMethod(
                this, [this, path, image] { onDone(path, image); }, Qt::QueuedConnection);
        });
    }
}

void ThumbnailLoader::onDone(const QString& path, const QImage& image) {
    m_running.remove(path);
    if (image.isNull()) {
        m_failed.insert(path);
    } else {
        const qsizetype bytes = image.sizeInBytes();
        m_cache.insert(path, new QIcon(QPixmap::fromImage(image)), bytes);
    }
    Q_EMIT thumbnailReady(path);
    if (m_bytesWritten.load() > m_diskLimit / 16) {
        trimDiskCache();
    }
    pump();
}

} // namespace tstudio::ui
