#include "ui/data/dataset_inspect_job.h"

#include <exception>

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace tstudio::ui {

DatasetInspectJob::DatasetInspectJob(QObject* parent)
    : QObject(parent), m_stop(std::make_shared<std::atomic_bool>(false)) {
    qRegisterMetaType<data::DatasetReport>();
}

DatasetInspectJob::~DatasetInspectJob() {
    m_stop->store(true);
}

bool DatasetInspectJob::isRunning() const {
    return m_watcher != nullptr && m_watcher->isRunning();
}

void DatasetInspectJob::requestStop() {
    m_stop->store(true);
}

void DatasetInspectJob::start(const data::Dataset& dataset, const data::InspectOptions& options) {
    if (m_watcher != nullptr) {
        // The old run's result no longer matters: drop its watcher so only this run reports.
        m_stop->store(true);
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
    }
    m_stop = std::make_shared<std::atomic_bool>(false);
    m_watcher = new QFutureWatcher<Outcome>(this);
    connect(m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(value); });
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &DatasetInspectJob::onFinished);
    m_watcher->setFuture(
        QtConcurrent::run([dataset, options, stop = m_stop](QPromise<Outcome>& promise) {
            promise.setProgressRange(0, static_cast<int>(dataset.size()));
            data::ScanControl control;
            control.cancel = stop.get();
            control.progress = [&promise](std::int64_t read) {
                promise.setProgressValue(static_cast<int>(read));
            };
            Outcome outcome;
            try {
                auto report = data::inspectDataset(dataset, options, control);
                if (stop->load()) {
                    outcome.cancelled = true;
                } else if (!report) {
                    outcome.error = QString::fromStdString(report.message());
                } else {
                    outcome.report = std::move(report).value();
                }
            } catch (const std::exception& e) {
                outcome.error = QString::fromUtf8(e.what());
            }
            promise.addResult(std::move(outcome));
        }));
}

void DatasetInspectJob::onFinished() {
    const Outcome outcome = m_watcher->result();
    if (outcome.cancelled) {
        Q_EMIT cancelled();
    } else if (!outcome.error.isEmpty()) {
        Q_EMIT failed(tr("Could not check the dataset's files: %1").arg(outcome.error));
    } else {
        Q_EMIT finished(outcome.report);
    }
}

} // namespace tstudio::ui
