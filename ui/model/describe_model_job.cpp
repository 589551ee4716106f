#include "ui/model/describe_model_job.h"

#include <exception>

#include <QThread>

namespace tstudio::ui {

DescribeModelJob::DescribeModelJob(QObject* parent) : QObject(parent) {}

DescribeModelJob::~DescribeModelJob() {
    if (m_thread != nullptr) {
        m_thread->wait();
        delete m_thread;
    }
}

void DescribeModelJob::request(Request request) {
    m_pending = std::move(request);
    if (m_thread == nullptr) {
        startNext();
        Q_EMIT busyChanged(true);
    }
}

void DescribeModelJob::startNext() {
    Request request = std::move(*m_pending);
    m_pending.reset();
    m_thread = QThread::create([this, request] {
        training::ModuleTree tree;
        QString message;
        // The thread's entry point holds the only catch: whatever escapes core becomes failed().
        try {
            auto described =
                training::describeModel(request.config, request.numClasses, request.stage);
            if (described) {
                tree = std::move(described).value();
            } else {
                message = QString::fromStdString(described.message());
            }
        } catch (const std::exception& e) {
            message = tr("Could not build the network: %1").arg(QString::fromUtf8(e.what()));
        }
        QMetaObject::invokeMethod(
            this,
            [this, tree = std::move(tree), message, config = request.config] {
                m_thread->wait();
                delete m_thread;
                m_thread = nullptr;
                if (m_pending) {
                    startNext(); // a newer request supersedes this result
                    return;
                }
                Q_EMIT busyChanged(false);
                if (message.isEmpty()) {
                    Q_EMIT described(tree, config);
                } else {
                    Q_EMIT failed(message);
                }
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("describe-model"));
    m_thread->start(QThread::LowPriority);
}

} // namespace tstudio::ui
