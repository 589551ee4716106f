#include "ui/model/describe_model_job.h"

#include <exception>

#include <QFutureWatcher>
#include <QtConcurrent/qtconcurrenttask.h>

namespace tstudio::ui {

DescribeModelJob::DescribeModelJob(QObject* parent) : QObject(parent) {}

DescribeModelJob::~DescribeModelJob() = default;

void DescribeModelJob::request(Request request) {
    m_pending = std::move(request);
    if (m_watcher == nullptr) {
        startNext();
        Q_EMIT busyChanged(true);
    }
}

void DescribeModelJob::startNext() {
    Request request = std::move(*m_pending);
    m_pending.reset();
    m_watcher = new QFutureWatcher<Outcome>(this);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, &DescribeModelJob::onFinished);
    // Ahead of the pool's queued scans and previews: the person waits for this tree.
    m_watcher->setFuture(
        QtConcurrent::task([request] {
            Outcome outcome;
            outcome.config = request.config;
            // The task's entry point holds the only catch: whatever escapes core is failed().
            try {
                auto described =
                    training::describeModel(request.config, request.numClasses, request.stage);
                if (described) {
                    outcome.tree = std::move(described).value();
                } else {
                    outcome.message = QString::fromStdString(described.message());
                }
            } catch (const std::exception& e) {
                outcome.message =
                    tr("Could not build the network: %1").arg(QString::fromUtf8(e.what()));
            }
            return outcome;
        })
            .withPriority(1)
            .spawn());
}

void DescribeModelJob::onFinished() {
    const Outcome outcome = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    if (m_pending) {
        startNext(); // a newer request supersedes this result
        return;
    }
    Q_EMIT busyChanged(false);
    if (outcome.message.isEmpty()) {
        Q_EMIT described(outcome.tree, outcome.config);
    } else {
        Q_EMIT failed(outcome.message);
    }
}

} // namespace tstudio::ui
