#include "ui/model/describe_model_job.h"

#include "ui/common/background_job.h"

namespace tstudio::ui {

DescribeModelJob::DescribeModelJob(QObject* parent)
    : QObject(parent), m_job(new BackgroundJob(this)) {
    // Ahead of the pool's queued scans and previews: the person waits for this tree.
    m_job->setPriority(1);
    connect(m_job, &BackgroundJob::failed, this, [this](const QString& message) {
        if (!startPendingInstead()) {
            Q_EMIT failed(message);
        }
    });
}

DescribeModelJob::~DescribeModelJob() = default;

bool DescribeModelJob::isBusy() const {
    return m_job->isRunning();
}

void DescribeModelJob::request(Request request) {
    m_pending = std::move(request);
    if (!m_job->isRunning()) {
        startNext();
        Q_EMIT busyChanged(true);
    }
}

void DescribeModelJob::startNext() {
    Request request = std::move(*m_pending);
    m_pending.reset();
    m_job->start(
        [request](const JobControl&) {
            return training::describeModel(request.config, request.numClasses, request.stage);
        },
        [this, config = request.config](const training::ModuleTree& tree) {
            if (!startPendingInstead()) {
                Q_EMIT described(tree, config);
            }
        });
}

bool DescribeModelJob::startPendingInstead() {
    if (m_pending) {
        startNext();
        return true;
    }
    Q_EMIT busyChanged(false);
    return false;
}

} // namespace tstudio::ui
