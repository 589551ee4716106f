// The one pattern of the one-shot jobs: the work runs off the GUI thread, its value, error,
// progress and cancellation come back on the GUI thread, and the job's owner can go while the
// work runs without waiting for it. Latches order the threads; nothing here measures time.

#include <atomic>
#include <latch>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include "ui/common/background_job.h"

using tstudio::Error;
using tstudio::Result;
using tstudio::ui::BackgroundJob;
using tstudio::ui::JobControl;

namespace {

constexpr int kTimeoutMs = 60000; // only a bound for a broken build: the waits end on signals

/** Polls the cancel flag as real work does (a file, a batch), until it is set. */
void runUntilCancelled(const JobControl& control) {
    while (!control.isCancelled()) {
        std::this_thread::yield();
    }
}

/** Runs the events that are already queued, after the pool has finished all its work. */
void settle() {
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents();
}

} // namespace

class TestBackgroundJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversTheValueOnTheGuiThread() {
        BackgroundJob job;
        QSignalSpy failed(&job, &BackgroundJob::failed);
        QThread* workThread = nullptr;
        QThread* deliveryThread = nullptr;
        int value = 0;
        job.start(
            [&workThread](const JobControl&) -> Result<int> {
                workThread = QThread::currentThread();
                return 42;
            },
            [&](int delivered) {
                deliveryThread = QThread::currentThread();
                value = delivered;
            });
        QVERIFY(job.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(value, 42, kTimeoutMs);
        QVERIFY(!job.isRunning());
        QCOMPARE(deliveryThread, QThread::currentThread());
        QVERIFY(workThread != nullptr);
        QVERIFY(workThread != QThread::currentThread());
        QCOMPARE(failed.count(), 0);
    }

    void failsWithTheErrorOrTheException() {
        BackgroundJob job;
        QSignalSpy failed(&job, &BackgroundJob::failed);
        bool finished = false;
        job.start([](const JobControl&) -> Result<int> { return Error{"disk full"}; },
                  [&finished](int) { finished = true; });
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("disk full"));

        job.start(
            [](const JobControl&) -> Result<int> { throw std::runtime_error("out of range"); },
            [&finished](int) { finished = true; });
        QVERIFY(failed.wait(kTimeoutMs));
        QCOMPARE(failed.at(1).at(0).toString(), QStringLiteral("out of range"));
        QVERIFY(!finished);
    }

    void progressComesBeforeTheValueAndEndsAtTheLastReport() {
        BackgroundJob job;
        std::vector<qint64> events; // progress values, then -1 for the value
        connect(&job, &BackgroundJob::progress, this, [&events](qint64 done, qint64 total) {
            QCOMPARE(total, qint64{1000});
            events.push_back(done);
        });
        job.start(
            [](const JobControl& control) -> Result<int> {
                for (qint64 done = 1; done <= 1000; ++done) {
                    control.reportProgress(done, 1000);
                }
                return 0;
            },
            [&events](int) { events.push_back(-1); });
        QTRY_VERIFY_WITH_TIMEOUT(!events.empty() && events.back() == -1, kTimeoutMs);
        // Reports that pile up are merged: never more events than reports, always the newest.
        QVERIFY(events.size() >= 2);
        QVERIFY(events.size() <= 1001);
        QCOMPARE(events[events.size() - 2], qint64{1000});
        for (std::size_t i = 1; i + 1 < events.size(); ++i) {
            QVERIFY(events[i] > events[i - 1]);
        }
    }

    void cancelStopsTheWorkAndEndsWithCancelled() {
        BackgroundJob job;
        QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
        QSignalSpy failed(&job, &BackgroundJob::failed);
        std::latch running(1);
        bool finished = false;
        job.start(
            [&running](const JobControl& control) -> Result<int> {
                running.count_down();
                runUntilCancelled(control);
                return 1; // a value, yet the job was cancelled: cancelled() wins
            },
            [&finished](int) { finished = true; });
        running.wait();
        job.cancel();
        QVERIFY(cancelled.wait(kTimeoutMs));
        QVERIFY(!finished);
        QCOMPARE(failed.count(), 0);
        QVERIFY(!job.isRunning());
    }

    void aCancelBeforeTheWorkStartsStillCounts() {
        BackgroundJob job;
        QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
        bool finished = false;
        job.start([](const JobControl&) -> Result<int> { return 1; },
                  [&finished](int) { finished = true; });
        job.cancel(); // before this thread returns to its event loop: nothing was delivered yet
        QVERIFY(cancelled.wait(kTimeoutMs));
        QVERIFY(!finished);
    }

    void startingAgainForgetsTheRunningWork() {
        BackgroundJob job;
        QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
        std::latch firstRunning(1);
        std::atomic_bool firstSawCancel{false};
        std::vector<int> delivered;
        job.start(
            [&](const JobControl& control) -> Result<int> {
                firstRunning.count_down();
                runUntilCancelled(control);
                firstSawCancel = true;
                return 1;
            },
            [&delivered](int value) { delivered.push_back(value); });
        firstRunning.wait();
        job.start([](const JobControl&) -> Result<int> { return 2; },
                  [&delivered](int value) { delivered.push_back(value); });
        QTRY_VERIFY_WITH_TIMEOUT(!delivered.empty(), kTimeoutMs);
        settle(); // the first run has ended too and anything it posted has been handled
        QVERIFY(firstSawCancel);
        QCOMPARE(delivered, std::vector<int>{2});
        QCOMPARE(cancelled.count(), 0); // a forgotten run reports nothing, not even cancelled()
    }

    void deletingTheJobMidRunReturnsAtOnceAndDropsTheResult() {
        auto* job = new BackgroundJob;
        QSignalSpy failed(job, &BackgroundJob::failed);
        std::latch running(1);
        std::latch release(1);
        std::atomic_bool sawCancel{false};
        bool finished = false;
        auto sentinel = std::make_shared<int>(7);
        const std::weak_ptr<int> watch = sentinel;
        job->start(
            [&, sentinel](const JobControl& control) -> Result<std::shared_ptr<int>> {
                running.count_down();
                release.wait();
                sawCancel = control.isCancelled();
                control.reportProgress(1, 1); // to a job that is gone: must go nowhere
                return sentinel;
            },
            [&finished](const std::shared_ptr<int>&) { finished = true; });
        sentinel.reset();
        running.wait();
        // The work is held until after the delete: a destructor that waited for it would hang
        // here, so reaching the next line is the proof that it does not.
        delete job;
        release.count_down();
        settle();
        QVERIFY(sawCancel);
        QVERIFY(!finished);
        QCOMPARE(failed.count(), 0);
        QVERIFY2(watch.expired(), "the work, its result and its state are all freed");
    }
};

QTEST_GUILESS_MAIN(TestBackgroundJob)
#include "tst_background_job.moc"
