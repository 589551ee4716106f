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
 * Lives on the GUI thread, which never decodes; the destructor waits for running decodes.
 */
class ThumbnailLoader final : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultSize = 192;
    static constexpr int kMaxQueued = 512;

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
    /** Forgets queued asks (a new dataset); running decodes still report. */
    void clearQueue();
    /** Thumbnails read from the disk cache rather than decoded, since construction. */
    int diskHits() const { return m_diskHits.load(); }

Q_SIGNALS:
    /** The thumbnail of path is ready (or failed: thumbnail() then returns errorIcon()). */
    void thumbnailReady(const QString& path);

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
};

} // namespace tstudio::ui
