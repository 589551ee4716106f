// A worker's own thread never blocks its owner: deleting the WorkerThread while the worker is in
// the middle of a job returns at once, and the worker is deleted on its thread once the job has
// returned. Latches order the threads; nothing here measures time.

#include <latch>

#include <QMetaObject>
#include <QObject>
#include <QTest>
#include <QThread>

#include "ui/common/worker_thread.h"

using tstudio::ui::WorkerThread;

namespace {

/** A job that holds its thread until released, and says where it ran and when it is deleted. */
class BlockingWorker final : public QObject {
public:
    BlockingWorker(std::latch& running, std::latch& release, std::latch& deleted)
        : m_running(running), m_release(release), m_deleted(deleted) {}
    ~BlockingWorker() override {
        deletedOn = QThread::currentThread();
        m_deleted.count_down();
    }

    void job() {
        jobRanOn = QThread::currentThread();
        m_running.count_down();
        m_release.wait();
    }

    QThread* jobRanOn = nullptr;
    static inline QThread* deletedOn = nullptr;

private:
    std::latch& m_running;
    std::latch& m_release;
    std::latch& m_deleted;
};

} // namespace

class TestWorkerThread : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deletingMidJobReturnsAtOnceAndTheWorkerGoesOnItsThread() {
        std::latch running(1);
        std::latch release(1);
        std::latch deleted(1);
        auto* worker = new BlockingWorker(running, release, deleted);
        QThread* jobThread = nullptr;
        {
            WorkerThread thread(worker, QStringLiteral("test-worker"));
            QMetaObject::invokeMethod(worker, [worker, &jobThread] {
                worker->job();
                jobThread = worker->jobRanOn;
            });
            running.wait();
            // The job is held until after this scope: a destructor that waited for it would
            // hang here, so leaving the scope is the proof that it does not.
        }
        release.count_down();
        deleted.wait(); // the worker is deleted once its job returned
        QVERIFY(jobThread != nullptr);
        QVERIFY(jobThread != QThread::currentThread());
        QCOMPARE(BlockingWorker::deletedOn, jobThread);
    }

    void anIdleWorkerIsDeletedToo() {
        std::latch running(0);
        std::latch release(0);
        std::latch deleted(1);
        {
            WorkerThread thread(new BlockingWorker(running, release, deleted),
                                QStringLiteral("idle-worker"));
        }
        deleted.wait();
    }
};

QTEST_GUILESS_MAIN(TestWorkerThread)
#include "tst_worker_thread.moc"
