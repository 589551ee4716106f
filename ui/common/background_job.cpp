#include "ui/common/background_job.h"

#include <exception>
#include <mutex>

#include <QMetaObject>
#include <QThreadPool>

namespace tstudio::ui {

namespace detail {
/** One start's state, shared by the job (GUI thread) and its work (pool threads). */
struct JobRun {
    std::atomic_bool cancel{false};
    // Guards the fields below. A pool thread holds it only while it posts an event, so the job
    // that forgets the run (its destructor) never waits on the work, only on a post at most.
    std::mutex mutex;
    BackgroundJob* receiver = nullptr; ///< null once the job has forgotten this run
    bool progressQueued = false;       ///< a progress event is on its way to the receiver
    qint64 done = 0;
    qint64 total = -1;
};
} // namespace detail

using detail::JobRun;

bool JobControl::isCancelled() const {
    return m_run->cancel.load();
}

const std::atomic_bool* JobControl::cancelFlag() const {
    return &m_run->cancel;
}

void JobControl::reportProgress(qint64 done, qint64 total) const {
    const std::lock_guard lock(m_run->mutex);
    m_run->done = done;
    m_run->total = total;
    if (m_run->receiver == nullptr || m_run->progressQueued) {
        return; // the event already queued will carry these numbers
    }
    m_run->progressQueued = true;
    // Posted to the receiver: an event still queued when it is deleted is deleted with it.
    QMetaObject::invokeMethod(
        m_run->receiver, [job = m_run->receiver, run = m_run] { job->deliverProgress(run); },
        Qt::QueuedConnection);
}

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob() {
    forgetRun();
}

void BackgroundJob::cancel() {
    if (m_run != nullptr) {
        m_run->cancel.store(true);
    }
}

void BackgroundJob::forgetRun() {
    if (m_run == nullptr) {
        return;
    }
    m_run->cancel.store(true);
    {
        const std::lock_guard lock(m_run->mutex);
        m_run->receiver = nullptr;
    }
    m_run.reset();
}

void BackgroundJob::startErased(std::function<Outcome(JobControl&)> work) {
    forgetRun();
    auto run = std::make_shared<JobRun>();
    run->receiver = this;
    m_run = run;
    QThreadPool* pool = QThreadPool::globalInstance();
    pool->start(
        [run, work = std::move(work), pool, waiting = m_mostlyWaiting]() mutable {
            if (waiting) {
                pool->releaseThread(); // lets the pool start another thread while this one waits
            }
            Outcome outcome;
            JobControl control(run);
            // The entry point of every job's work, and its only catch: whatever escapes core
            // becomes failed().
            try {
                outcome = work(control);
            } catch (const std::exception& e) {
                outcome = {{}, QString::fromUtf8(e.what())};
            } catch (...) {
                outcome = {{}, tr("An unexpected error stopped the work.")};
            }
            if (waiting) {
                pool->reserveThread();
            }
            const std::lock_guard lock(run->mutex);
            if (run->receiver != nullptr) {
                QMetaObject::invokeMethod(
                    run->receiver,
                    [job = run->receiver, run, outcome = std::move(outcome)]() mutable {
                        job->deliverOutcome(run, std::move(outcome));
                    },
                    Qt::QueuedConnection);
            }
        },
        m_priority);
}

void BackgroundJob::deliverProgress(const std::shared_ptr<JobRun>& run) {
    if (run != m_run) {
        return; // an event of a run that was forgotten after it was posted
    }
    qint64 done = 0;
    qint64 total = -1;
    {
        const std::lock_guard lock(run->mutex);
        run->progressQueued = false;
        done = run->done;
        total = run->total;
    }
    Q_EMIT progress(done, total);
}

void BackgroundJob::deliverOutcome(const std::shared_ptr<JobRun>& run, Outcome outcome) {
    if (run != m_run) {
        return;
    }
    m_run.reset(); // not running inside the handlers: they may start the next job
    if (run->cancel.load()) {
        Q_EMIT cancelled();
    } else if (outcome.deliver) {
        outcome.deliver();
    } else {
        Q_EMIT failed(outcome.error);
    }
}

} // namespace tstudio::ui
