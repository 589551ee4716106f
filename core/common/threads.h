#pragma once

namespace tstudio {

/**
 * Sets LibTorch's intra-op thread pool to the cores this process may use. Debian's LibTorch
 * starts with one thread; call once per process before heavy work (idempotent, any thread).
 * Returns the thread count in use.
 */
int useAllCores();

} // namespace tstudio
