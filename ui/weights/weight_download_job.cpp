#include "ui/weights/weight_download_job.h"

#include "core/weights/weight_download.h"
#include "ui/common/background_job.h"

namespace tstudio::ui {

WeightDownloadJob::WeightDownloadJob(QObject* parent)
    : QObject(parent), m_job(new BackgroundJob(this)) {
    m_job->setMostlyWaiting(true);
    connect(m_job, &BackgroundJob::progress, this, &WeightDownloadJob::progress);
    connect(m_job, &BackgroundJob::failed, this,
            [this](const QString& message) { Q_EMIT failed(m_arch, message); });
    connect(m_job, &BackgroundJob::cancelled, this, [this] { Q_EMIT cancelled(m_arch); });
}

WeightDownloadJob::~WeightDownloadJob() = default;

bool WeightDownloadJob::isRunning() const {
    return m_job->isRunning();
}

void WeightDownloadJob::cancel() {
    m_job->cancel();
}

bool WeightDownloadJob::start(const models::BackboneInfo& info, const QString& url,
                              const std::filesystem::path& directory) {
    if (m_job->isRunning()) {
        return false;
    }
    m_arch = QString::fromStdString(info.name);
    m_job->start(
        [info, url = url.toStdString(), directory](const JobControl& control) {
            weights::DownloadOptions options;
            options.url = url;
            options.directory = directory;
            options.cancel = control.cancelFlag();
            options.progress = [&control](std::int64_t received, std::int64_t total) {
                control.reportProgress(received, total);
                return true;
            };
            return weights::fetchOfficialWeights(info, options);
        },
        [this](const std::filesystem::path& path) {
            Q_EMIT finished(m_arch, QString::fromStdString(path.string()));
        });
    return true;
}

} // namespace tstudio::ui
