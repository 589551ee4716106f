#pragma once

#include <atomic>
#include <memory>

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "core/data/dataset.h"
#include "core/data/dataset_inspector.h"
#include "core/data/dataset_report.h"

namespace tstudio::ui {

/**
 * Builds a dataset's report (data::inspectDataset: every file read once, in parallel) on Qt's
 * thread pool. Create and start it on the GUI thread; each start ends with exactly one of
 * finished, failed or cancelled, with progress (files read) in between. Starting again while a
 * run is going stops that run first; deleting the job stops it and nothing is emitted.
 */
class DatasetInspectJob final : public QObject {
    Q_OBJECT

public:
    explicit DatasetInspectJob(QObject* parent = nullptr);
    ~DatasetInspectJob() override;

    void start(const data::Dataset& dataset, const data::InspectOptions& options = {});
    /** The running inspection stops at its next file and emits cancelled. */
    void requestStop();
    bool isRunning() const;

Q_SIGNALS:
    void progress(qint64 filesRead);
    void finished(const tstudio::data::DatasetReport& report);
    void failed(const QString& message);
    void cancelled();

private:
    struct Outcome {
        data::DatasetReport report;
        QString error;
        bool cancelled = false;
    };
    void onFinished();

    QFutureWatcher<Outcome>* m_watcher = nullptr;
    // Shared with the pool task, which outlives a stopped run until its next file.
    std::shared_ptr<std::atomic_bool> m_stop;
};

} // namespace tstudio::ui
