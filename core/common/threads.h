#pragma once

namespace tstudio {

/**
 * Sets LibTorch's intra-op thread pool to the cores this process may use. Debian's LibTorch
 * starts with one thread; call once per process before heavy work (idempotent, any thread).
 * Returns the thread count in use.
 */
int useAllCores();

/**
 * LibTorch's OpenMP runtime (libgomp) reads OMP_WAIT_POLICY once, when it is loaded, before
 * main(); by default idle pool threads keep spinning, which starves the data loader's threads when
 * cores are few or shared (a fine-tune epoch measured 9x slower on a busy 2-core machine). Call
 * first thing in main(): when the variable is unset it sets PASSIVE and re-executes the program
 * with the same arguments, so the runtime starts with it; a value the user set is kept. Returns
 * when nothing needed doing or the re-exec failed (the program then runs with the default).
 */
void ensurePassiveOpenMpWait(char** argv);

} // namespace tstudio
