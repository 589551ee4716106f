#pragma once

#include <QObject>
#include <QString>

#include <optional>

#include "core/training/model_tree.h"
#include "core/training/training_config.h"

namespace tstudio::ui {

class BackgroundJob;

/**
 * Runs training::describeModel off the GUI thread as a BackgroundJob (building VGG or
 * ResNet-101 takes a while). Requests made while one runs are coalesced: only the newest runs
 * next, so dragging a spin box queues at most one more description. Ends each computed request
 * with described() or failed(); a superseded result is dropped.
 */
class DescribeModelJob final : public QObject {
    Q_OBJECT

public:
    struct Request {
        training::TrainingConfig config;
        int numClasses = 2;
        int stage = 1;
    };

    explicit DescribeModelJob(QObject* parent = nullptr);
    /** Never waits: a running description ends on its own in the thread pool, unheard. */
    ~DescribeModelJob() override;

    void request(Request request);
    bool isBusy() const;

Q_SIGNALS:
    void busyChanged(bool busy);
    void described(const tstudio::training::ModuleTree& tree,
                   const tstudio::training::TrainingConfig& config);
    void failed(const QString& message);

private:
    void startNext();
    /** Starts the request that waits, if any (the ended outcome is stale then: it is dropped);
        else says the job is idle. Returns whether one started. */
    bool startPendingInstead();

    BackgroundJob* m_job = nullptr;
    std::optional<Request> m_pending;
};

} // namespace tstudio::ui
