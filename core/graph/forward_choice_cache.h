#pragma once

// Private to core: which way of running a frozen network (eager modules or a frozen, optimized
// TorchScript graph) measured faster on this machine, remembered across runs so that each
// architecture, output and input size is measured once.

#include <optional>
#include <string>

namespace tstudio::graph {

/**
 * The choice recorded for key, or nullopt. The record lives in memory and in
 * <GenericCacheLocation>/transfer-studio/forward-choices.json ($XDG_CACHE_HOME, else
 * ~/.cache); a missing or damaged file counts as empty. Any thread.
 */
std::optional<bool> cachedGraphChoice(const std::string& key);

/** Records whether the graph won for key, in memory and (atomically) in the file; a file that
    cannot be written only costs a measurement next time. Any thread. */
void rememberGraphChoice(const std::string& key, bool graph);

} // namespace tstudio::graph
