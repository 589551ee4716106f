#pragma once

// Public, torch-free: which parameters train and at which learning-rate factor, with their text
// forms (CLI --freeze and --lr-mult, the bundle's JSON).

#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace tstudio::training {

/**
 * Which parameters train. A preset, then rules applied in order (a later rule wins). A rule's
 * path is a module path of the trained model as the freeze tree shows it (torchvision's names:
 * "features.3", "layer4.1.conv2"; "head" for the new layers); it covers that module's subtree.
 * String form (CLI --freeze): "none" | "all" | "head" (everything but the new head frozen) |
 * "last:N" (all but the last N blocks frozen) | "custom", then ",-path" (freeze) / ",+path"
 * (unfreeze) rules: "head,+layer4" or "all,+features.18,+classifier".
 * Preset All freezes the new head too (nothing trains: useful only as a start for rules).
 */
struct FreezeRule {
    std::string path;
    bool frozen = true;
};
struct FreezeSpec {
    enum class Preset { None, HeadOnly, LastBlocks, All };
    Preset preset = Preset::None;
    int lastBlocks = 0; ///< Preset::LastBlocks: how many of the last blocks train
    std::vector<FreezeRule> rules;
    /** BatchNorm layers inside frozen subtrees stay in eval mode (running stats kept) unless
        this is set. */
    bool trainFrozenBatchNorm = false;
};

/** The freeze spec a string form describes, or what is wrong with the text. Any thread. */
Result<FreezeSpec> parseFreezeSpec(std::string_view text);
/** The string form parseFreezeSpec reads back to the same spec. Any thread. */
std::string formatFreezeSpec(const FreezeSpec& freeze);

/** Learning-rate multiplier for a module subtree (parameter group); a later entry wins. */
struct LrMultiplier {
    std::string path;
    double factor = 1.0;
};

/**
 * "all=0.1,head=1,features.17=0.5": PATH=FACTOR entries in order, "all" meaning the whole network
 * (path ""), factors from 0 to 100; "none" or "" is no entry. formatLrMultipliers gives the same
 * text back. Any thread.
 */
Result<std::vector<LrMultiplier>> parseLrMultipliers(std::string_view text);
std::string formatLrMultipliers(const std::vector<LrMultiplier>& multipliers);

} // namespace tstudio::training
