#pragma once

#include <filesystem>
#include <optional>

#include "core/models/registry.h"

namespace tstudio::weights {

/**
 * $TORCH_HOME/hub/checkpoints, else $XDG_CACHE_HOME/torch/hub/checkpoints, else
 * ~/.cache/torch/hub/checkpoints (as torch.hub.get_dir() does). Any thread.
 */
std::filesystem::path hubCheckpointDir();

/** The backbone's official file in the hub cache, if a file of that name is there. */
std::optional<std::filesystem::path> cachedOfficialWeights(const models::BackboneInfo& info);

/**
 * A message for a person who has no weights for the backbone: where to put the official file
 * (name, URL, folder), and that any local .pth/.safetensors can be given instead.
 */
std::string howToGetWeights(const models::BackboneInfo& info);

} // namespace tstudio::weights
