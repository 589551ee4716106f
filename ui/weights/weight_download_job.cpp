#include "ui/weights/weight_download_job.h"

#include <QElapsedTimer>
#include <QThread>

#include "core/weights/weight_download.h"

namespace tstudio::ui {

WeightDownloadJob::WeightDownloadJob(QObject* parent) : QObject(parent) {}

WeightDownloadJob::~WeightDownloadJob() {
    if (m_thread != nullptr) {
        // A bounded wait: the download polls the flag every few milliseconds, aborts the reply
        // and discards its unfinished file (QSaveFile); nothing half-written is left to finish.
        m_cancel.store(true);
        m_thread->wait();
        delete m_thread;
    }
}

bool WeightDownloadJob::start(const models::BackboneInfo& info, const QString& url,
                              const std::filesystem::path& directory) {
    if (m_thread != nullptr) {
        return false;
    }
    m_cancel.store(false);
    const QString arch = QString::fromStdString(info.name);
    m_thread = QThread::create([this, info, url, directory, arch] {
        weights::DownloadOptions options;
        options.url = url.toStdString();
        options.directory = directory;
        options.cancel = &m_cancel;
        QElapsedTimer sinceReport;
        options.progress = [this, &sinceReport](std::int64_t received, std::int64_t total) {
            // Bounded rate: a fast local copy must not flood the GUI's event queue.
            if (!sinceReport.isValid() || sinceReport.elapsed() >= 100 || received == total) {
                sinceReport.start();
                QMetaObject::invokeMethod(
                    this, [this, received, total] { Q_EMIT progress(received, total); },
                    Qt::QueuedConnection);
            }
            return true;
        };
        auto fetched = weights::fetchOfficialWeights(info, options);
        const bool wasCancelled = m_cancel.load();
        QMetaObject::invokeMethod(
            this,
            [this, arch, wasCancelled, ok = fetched.ok(),
             path = fetched ? QString::fromStdString(fetched->string()) : QString(),
             message = fetched ? QString() : QString::fromStdString(fetched.message())] {
                onThreadDone();
                if (ok) {
                    Q_EMIT finished(arch, path);
                } else if (wasCancelled) {
                    Q_EMIT cancelled(arch);
                } else {
                    Q_EMIT failed(arch, message);
                }
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("weight-download"));
    m_thread->start();
    return true;
}

void WeightDownloadJob::onThreadDone() {
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace tstudio::ui
