#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <filesystem>

#include "core/models/registry.h"

class QThread;

namespace tstudio::ui {

/**
 * Downloads a backbone's official weight file into the hub cache on a thread of its own (core's
 * fetchOfficialWeights: checksum-verified, atomic), reporting progress at most every 100 ms.
 * Every job ends with exactly one of finished(), failed() or cancelled(). One job at a time.
 */
class WeightDownloadJob final : public QObject {
    Q_OBJECT

public:
    explicit WeightDownloadJob(QObject* parent = nullptr);
    /** Cancels a running download and waits for its thread (milliseconds: see cancel()). */
    ~WeightDownloadJob() override;

    bool isRunning() const { return m_thread != nullptr; }

    /**
     * Starts fetching info's official file. url and directory replace the registry URL and the
     * hub cache folder when not empty (mirrors, tests). Returns false if a job is running.
     */
    bool start(const models::BackboneInfo& info, const QString& url = {},
               const std::filesystem::path& directory = {});

    /** Thread-safe: the download stops within a few milliseconds. */
    void cancel() { m_cancel.store(true); }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const QString& arch, const QString& path);
    void failed(const QString& arch, const QString& message);
    void cancelled(const QString& arch);

private:
    void onThreadDone();

    std::atomic_bool m_cancel{false};
    QThread* m_thread = nullptr;
};

} // namespace tstudio::ui
