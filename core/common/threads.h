#pragma once

namespace tstudio {

/** The cores this process may run on (its affinity mask: containers and taskset restrict it). */
int usableCores();

/**
 * While it lives, useAllCores() uses at most cores threads (0: no limit) and LibTorch is set to
 * that many: a process that is one of several ranks of a run on this machine keeps to its share,
 * as the others do by their affinity (ranks with different thread counts round differently, and
 * a data-parallel run's weights must stay identical). Restores the previous count at its end.
 * One at a time.
 */
class CoreLimit {
public:
    explicit CoreLimit(int cores);
    ~CoreLimit();
    CoreLimit(const CoreLimit&) = delete;
    CoreLimit& operator=(const CoreLimit&) = delete;

private:
    int m_previousThreads;
};

/**
 * Sets LibTorch's intra-op thread pool to the cores this process may use (see CoreLimit). Debian's
 * LibTorch starts with one thread; call once per process before heavy work (idempotent, any
 * thread). Returns the thread count in use.
 */
int useAllCores();

/**
 * LibTorch's OpenMP runtime (libgomp) reads its waiting policy once, when it is loaded, before
 * main(). By default idle pool threads spin for 300000 rounds before sleeping, which starves the
 * data loader's threads when cores are few or shared (a fine-tune epoch measured 9x slower on a
 * busy 2-core machine); never spinning (OMP_WAIT_POLICY=PASSIVE) costs 15-20 % on an idle one.
 * A short spin (GOMP_SPINCOUNT=10000) beat both, idle and loaded (fine-tune at 224 px on 2 idle
 * cores: 24.4 img/s against 19.6 passive, 22.6 active, 23.9 default; at 96 px beside two CPU hogs:
 * 57 against 51 passive). Call first thing in main(): when neither variable is set it sets
 * OMP_WAIT_POLICY=PASSIVE (for other OpenMP runtimes) and GOMP_SPINCOUNT=10000 (libgomp reads it
 * first) and re-executes the program with the same arguments, so the runtime starts with them;
 * values the user set are kept. Returns when nothing needed doing or the re-exec failed (the
 * program then runs with the default).
 */
void tuneOpenMpWaiting(char** argv);

} // namespace tstudio
