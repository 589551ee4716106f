#pragma once

#include <QString>
#include <QtGlobal>

class QObject;
class QThread;

namespace tstudio::ui {

/**
 * A thread of its own for one long-lived worker object (training, classification), for work
 * that is not one-shot and so not a BackgroundJob: it keeps a network open between jobs, or
 * pauses. Moves the worker there and starts the thread. Create and delete it on the GUI thread.
 *
 * Never blocks its owner: the destructor asks the thread's event loop to quit and returns at
 * once (ask the worker to stop its job first). The worker is deleted on its own thread once its
 * current job has returned, and the thread after that.
 *
 * The one wait is at exit: a thread still running when the application object is destroyed
 * (after the event loop and the windows are gone) is waited for there, because a job left
 * running while the process exits would call into LibTorch while its static objects are being
 * destroyed, and a stopped training run would lose the checkpoint and bundle it is writing. The
 * worker checks its stop flag at every batch or image, so that wait is one batch and the save.
 */
class WorkerThread final {
public:
    WorkerThread(QObject* worker, const QString& name);
    ~WorkerThread();

    Q_DISABLE_COPY_MOVE(WorkerThread)

private:
    QThread* m_thread = nullptr;
};

} // namespace tstudio::ui
