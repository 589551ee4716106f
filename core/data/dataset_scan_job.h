#pragma once

#include <atomic>
#include <filesystem>
#include <memory>

#include <QObject>
#include <QString>

#include "core/data/dataset.h"

namespace tstudio::data {

/**
 * Opens a dataset (openDataset) on Qt's global thread pool. Create and start it on a thread
 * with an event loop; its signals arrive there. It ends with exactly one of finished, failed or
 * cancelled; progress comes at most every 50 ms in between.
 */
class DatasetScanJob final : public QObject {
    Q_OBJECT
public:
    DatasetScanJob(std::filesystem::path path, bool unlabeled, QObject* parent = nullptr);
    ~DatasetScanJob() override;

    /** Starts the scan; call once. */
    void start();
    /** Any thread: the scan stops at its next file and emits cancelled. */
    void requestStop();

Q_SIGNALS:
    void progress(qint64 found);
    void finished(const tstudio::data::Dataset& dataset);
    void failed(const QString& message);
    void cancelled();

private:
    std::filesystem::path m_path;
    bool m_unlabeled = false;
    // Shared with the pool task, which may outlive this object when it is deleted mid-scan.
    std::shared_ptr<std::atomic_bool> m_stop;
};

} // namespace tstudio::data
