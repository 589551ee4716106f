#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

#include <QObject>
#include <QString>

#include "core/common/result.h"
#include "ui/common/failure_message.h"

namespace tstudio::ui {

namespace detail {
struct JobRun;
} // namespace detail

/**
 * What a job's work sees while it runs: the cancel flag to poll and a way to report progress.
 * Any thread may call it, also the threads the work starts itself.
 */
class JobControl {
public:
    bool isCancelled() const;
    /** The flag itself, for core functions that poll one (ScanControl, DownloadOptions). */
    const std::atomic_bool* cancelFlag() const;
    /**
     * Queues progress(done, total) to the job's thread. At most one report waits there at a
     * time and a newer one replaces its numbers, so a fast loop cannot flood the event queue.
     */
    void reportProgress(qint64 done, qint64 total = -1) const;

private:
    friend class BackgroundJob;
    explicit JobControl(std::shared_ptr<detail::JobRun> run) : m_run(std::move(run)) {}

    std::shared_ptr<detail::JobRun> m_run;
};

/**
 * Runs one function at a time off the GUI thread, on Qt's global thread pool, and brings its
 * outcome back: the one pattern of the one-shot jobs (scan, file check, download, describe,
 * demo). Create, start and delete it on the GUI thread; every signal and the result arrive there.
 *
 * The work is `Result<T> work(JobControl&)`; each start ends with exactly one of: onFinished(T)
 * (a value), failed(message) (an Error, or an exception escaping the work: this class holds the
 * only catch) or cancelled() (cancel() came before the outcome was delivered, whatever the work
 * returned: the person asked to stop, so a late result is not shown). progress() may come before.
 *
 * Never waits for the work. Starting again or deleting the job cancels the running work and
 * forgets it: nothing it reports arrives any more, and it ends on its own at its next poll of
 * the cancel flag. At exit, ~QCoreApplication waits for the global pool, so such work finishes
 * before the process tears down the libraries it uses.
 */
class BackgroundJob final : public QObject {
    Q_OBJECT

public:
    explicit BackgroundJob(QObject* parent = nullptr);
    /** Cancels the running work and returns at once; see the class comment. */
    ~BackgroundJob() override;

    /** Work queued later runs ahead of lower priorities already queued (QThreadPool's). */
    void setPriority(int priority) { m_priority = priority; }
    /**
     * For work that mostly waits (a download): it does not count against the pool's thread
     * limit, so it cannot hold back the scans and checks queued behind it.
     */
    void setMostlyWaiting(bool waiting) { m_mostlyWaiting = waiting; }

    /**
     * Runs work(control) on the pool; onFinished(T) is called on this object's thread with the
     * value the work returned. A job still running is cancelled and forgotten first.
     */
    template <typename Work, typename OnFinished> void start(Work work, OnFinished onFinished);

    /** Asks the running work to stop (it polls the flag); the job then ends with cancelled(). */
    void cancel();
    /** From start() until the outcome is delivered (false inside the ending handlers). */
    bool isRunning() const { return m_run != nullptr; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void failed(const QString& message);
    void cancelled();

private:
    /** What the work left: a call that hands its value to onFinished, or an error message. */
    struct Outcome {
        std::function<void()> deliver;
        QString error;
    };
    template <typename T> struct ResultValue;
    template <typename T> struct ResultValue<Result<T>> { using Type = T; };

    void startErased(std::function<Outcome(JobControl&)> work);
    void forgetRun();
    void deliverProgress(const std::shared_ptr<detail::JobRun>& run);
    void deliverOutcome(const std::shared_ptr<detail::JobRun>& run, Outcome outcome);

    friend class JobControl;

    std::shared_ptr<detail::JobRun> m_run; ///< of the running work; null when none runs
    int m_priority = 0;
    bool m_mostlyWaiting = false;
};

template <typename Work, typename OnFinished>
void BackgroundJob::start(Work work, OnFinished onFinished) {
    using Value = typename ResultValue<std::invoke_result_t<Work&, JobControl&>>::Type;
    static_assert(std::is_invocable_v<OnFinished&, Value>, "onFinished must take the value");
    // The typed part stays here; threads, cancellation and delivery live in the .cpp.
    startErased([work = std::move(work),
                 onFinished = std::move(onFinished)](JobControl& control) mutable -> Outcome {
        auto result = work(control);
        if (!result) {
            return {{}, translatedError(result.message())};
        }
        return {[onFinished, value = std::move(result).value()]() mutable {
                    onFinished(std::move(value));
                },
                {}};
    });
}

} // namespace tstudio::ui
