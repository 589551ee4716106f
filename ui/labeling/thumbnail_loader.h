#pragma once

#include <atomic>
#include <deque>

#include <QCache>
#include <QIcon>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

namespace tstudio::ui {

/**
 * Thumbnails of image files, made off the GUI thread and cached twice: in memory (the most
 * recently used ones, bounded by bytes) and on disk under cacheDir, keyed by the XXH3 of the
 * file's bytes, so a renamed or moved photo is found again and an edited one is not.
 *
 * thumbnail() answers at once from memory, or returns a null icon and queues the file; when the
 * thumbnail is made (or the file failed to decode) thumbnailReady(path) follows. Repeated asks
 * for a queued file are coalesced. The queue is served newest first and keeps only the last
 * kMaxQueued asks, so when a grid scrolls fast the rows it scrolled past are dropped, not
 * decoded. JPEGs go through the reduced-size DCT decode (a 12 MP photo decodes at 1/8 size).
 * The disk cache is bounded (diskLimit(), 256 MiB by default): once thumbnails worth a
 * sixteenth of it have been written (and once at construction), a pool task deletes the least
 * recently used files; a disk hit marks its file used by touching it.
 * Lives on the GUI thread, which never decodes; the destructor waits for running decodes.
 */
class ThumbnailLoader final : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultSize = 192;
    static constexpr int kMaxQueued = 512;
    static constexpr qint64 kDefaultDiskLimit = qint64{256} * 1024 * 1024;

    /** <CacheLocation>/thumbnails. */
    static QString defaultCacheDir();

    /** size: the longest side of a thumbnail; cacheDir empty: no disk cache. */
    explicit ThumbnailLoader(int size = kDefaultSize, QString cacheDir = defaultCacheDir(),
                             QObject* parent = nullptr);
    ~ThumbnailLoader() override;

    int size() const { return m_size; }
    /** The thumbnail, the error icon for a file that cannot be decoded, or a null icon when it
        is not made yet (it is queued then). */
    QIcon thumbnail(const QString& path);
    /** Drawn while a thumbnail is on its way. */
    const QIcon& placeholder() const { return m_placeholder; }
    /** Drawn for a file that is not an image, is damaged or has gone. */
    const QIcon& errorIcon() const { return m_errorIcon; }
    bool hasFailed(const QString& path) const { return m_failed.contains(path); }
    /** Bounds the memory cache (default 96 MiB); evicts the least recently used. */
    void setMemoryLimit(qsizetype bytes);
    /** Bounds the disk cache (default kDefaultDiskLimit); trims it now when over. */
    void setDiskLimit(qint64 bytes);
    qint64 diskLimit() const { return m_diskLimit; }
    /** Trims the disk cache to its limit on a pool thread (one trim at a time);
        diskCacheTrimmed follows. False when one is under way or there is no disk cache. */
    bool trimDiskCache();
    /** Forgets queued asks (a new dataset); running decodes still report. */
    void clearQueue();
    /** Thumbnails read from the disk cache rather than decoded, since construction. */
    int diskHits() const { return m_diskHits.load(); }

Q_SIGNALS:
    /** The thumbnail of path is ready (or failed: thumbnail() then returns errorIcon()). */
    void thumbnailReady(const QString& path);
    /** A trim of the disk cache ended: bytes is what the cache holds now. */
    void diskCacheTrimmed(qint64 bytes, int removed);

private:
    void pump();
    void onDone(const QString& path, const QImage& image);

    int m_size;
    QString m_cacheDir;
    QThreadPool m_pool;
    QCache<QString, QIcon> m_cache;
    QSet<QString> m_failed;
    std::deque<QString> m_queue;
    QSet<QString> m_queued;
    QSet<QString> m_running;
    QIcon m_placeholder;
    QIcon m_errorIcon;
    std::atomic_int m_diskHits{0};
    qint64 m_diskLimit = kDefaultDiskLimit;
    std::atomic<qint64> m_bytesWritten{0}; ///< to the disk cache since the last trim started
    bool m_trimming = false;
};

} // namespace tstudio::ui
