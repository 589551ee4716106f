#include "core/data/dataset_scan_job.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include "core/data/dataset_opener.h"

namespace tstudio::data {

DatasetScanJob::DatasetScanJob(std::filesystem::path path, bool unlabeled, QObject* parent)
    : QObject(parent), m_path(std::move(path)), m_unlabeled(unlabeled),
      m_stop(std::make_shared<std::atomic_bool>(false)) {
    qRegisterMetaType<Dataset>();
}

DatasetScanJob::~DatasetScanJob() {
    m_stop->store(true);
}

void DatasetScanJob::requestStop() {
    m_stop->store(true);
}

void DatasetScanJob::start() {
    QPointer<DatasetScanJob> self(this);
    QThreadPool::globalInstance()->start(
        [self, path = m_path, unlabeled = m_unlabeled, stop = m_stop]() {
            // Results go back through queued invocations on this object: a QPointer checked on the
            // receiving thread, so a job deleted mid-scan gets nothing.
            const auto post = [self](auto&& call) {
                if (self) {
                    QMetaObject::invokeMethod(self.data(), [self, call]() {
                        if (self) {
                            call(self.data());
                        }
                    });
                }
            };
            ScanControl control;
            control.cancel = stop.get();
            control.progress = [&post](std::int64_t found) {
                post([found](DatasetScanJob* job) { Q_EMIT job->progress(found); });
            };
            Result<Dataset> result = fail("no result");
            try {
                result = openDataset(path, control, unlabeled);
            } catch (const std::exception& e) {
                result = fail(path.string() + ": " + e.what());
            }
            if (stop->load()) {
                post([](DatasetScanJob* job) { Q_EMIT job->cancelled(); });
            } else if (!result) {
                post([message = QString::fromStdString(result.message())](DatasetScanJob* job) {
                    Q_EMIT job->failed(message);
                });
            } else {
                post([dataset = std::move(result).value()](DatasetScanJob* job) {
                    Q_EMIT job->finished(dataset);
                });
            }
        });
}

} // namespace tstudio::data
