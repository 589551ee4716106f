#pragma once

#include <QObject>
#include <QString>

#include <filesystem>

#include "core/models/registry.h"

namespace tstudio::ui {

class BackgroundJob;

/**
 * Downloads a backbone's official weight file into the hub cache off the GUI thread (core's
 * fetchOfficialWeights: checksum-verified, atomic) as a BackgroundJob. Every job ends with
 * exactly one of finished(), failed() or cancelled(); progress comes in between. One job at a
 * time. Deleting it never waits: a running download stops within milliseconds on its own and
 * keeps nothing (QSaveFile discards its unfinished file).
 */
class WeightDownloadJob final : public QObject {
    Q_OBJECT

public:
    explicit WeightDownloadJob(QObject* parent = nullptr);
    ~WeightDownloadJob() override;

    bool isRunning() const;

    /**
     * Starts fetching info's official file. url and directory replace the registry URL and the
     * hub cache folder when not empty (mirrors, tests). Returns false if a job is running.
     */
    bool start(const models::BackboneInfo& info, const QString& url = {},
               const std::filesystem::path& directory = {});

    /** The download stops within a few milliseconds and ends with cancelled(). */
    void cancel();

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void finished(const QString& arch, const QString& path);
    void failed(const QString& arch, const QString& message);
    void cancelled(const QString& arch);

private:
    BackgroundJob* m_job = nullptr;
    QString m_arch; ///< of the running or last download
};

} // namespace tstudio::ui
