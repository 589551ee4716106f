#include "ui/common/worker_thread.h"

#include <utility>

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

namespace tstudio::ui {

namespace {

/** Threads whose owner has let go of them and that may still run. GUI thread only. */
QList<QPointer<QThread>>& retiredThreads() {
    static QList<QPointer<QThread>> threads;
    return threads;
}

/** A post routine: ~QCoreApplication calls it, after the event loop and the windows are gone. */
void waitForRetiredThreads() {
    const QList<QPointer<QThread>> threads = std::exchange(retiredThreads(), {});
    for (const QPointer<QThread>& thread : threads) {
        if (thread != nullptr) {
            thread->wait(); // see the header: why exit waits
            delete thread.data();
        }
    }
}

} // namespace

WorkerThread::WorkerThread(QObject* worker, const QString& name) : m_thread(new QThread) {
    static const bool exitWaitRegistered = [] {
        qAddPostRoutine(waitForRetiredThreads);
        return true;
    }();
    Q_UNUSED(exitWaitRegistered)
    m_thread->setObjectName(name);
    worker->moveToThread(m_thread);
    // QThread deletes its objects' deferred deletions as it ends: the worker goes on its thread.
    QObject::connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    // The thread object lives on the GUI thread: deleted there, once the thread has ended.
    QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

WorkerThread::~WorkerThread() {
    // Those the event loop has deleted since are dropped from the list.
    retiredThreads().removeIf([](const QPointer<QThread>& thread) { return thread.isNull(); });
    retiredThreads().append(m_thread);
    m_thread->quit();
}

} // namespace tstudio::ui
