#pragma once

// Public, torch-free: the trained model's module tree for the GUI's freeze tree, computed by the
// same code the engine uses to freeze (one source of truth).

#include <QMetaType>
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/training/training_config.h"

namespace tstudio::training {

struct ModuleNode {
    std::string path; ///< "features.3.conv.0", "" for the root
    std::string name; ///< last path component ("0"), or the arch for the root
    std::string type; ///< "Conv2d", "BatchNorm2d", "InvertedResidual", "Linear", ...
    std::vector<std::int64_t>
        outputShape;                      ///< at the config's input size, batch 1; empty if unknown
    std::int64_t parameters = 0;          ///< in the subtree
    std::int64_t trainableParameters = 0; ///< in the subtree, after the freeze spec
    double lrMultiplier = 1.0;            ///< of the node's own parameters (first one), or 1
    bool isBlock = false;                 ///< one of the backbone's blocks
    int parent = -1;                      ///< index into ModuleTree::nodes; -1 for the root
    std::vector<int> children;
};

struct ModuleTree {
    std::vector<ModuleNode> nodes; ///< nodes[0] is the root; depth-first order
    std::int64_t totalParameters() const { return nodes.empty() ? 0 : nodes[0].parameters; }
    std::int64_t trainableParameters() const {
        return nodes.empty() ? 0 : nodes[0].trainableParameters;
    }
};

/**
 * The tree of the model config would train (backbone + new head for numClasses), with the
 * freeze spec of config's mode applied (for TwoStage: stage 1 unless stage == 2), parameter
 * counts, output shapes at the input size (from one forward pass of a blank image), LR
 * multipliers. Builds the network (no weights needed: counts and shapes do not depend on them).
 * Any thread; takes a fraction of a second for the big models.
 */
Result<ModuleTree> describeModel(const TrainingConfig& config, int numClasses, int stage = 1);

/** The parameter names (state-dict keys) that train under config at stage, sorted. */
Result<std::vector<std::string>> trainableParameterNames(const TrainingConfig& config,
                                                         int numClasses, int stage = 1);

} // namespace tstudio::training

Q_DECLARE_METATYPE(tstudio::training::ModuleTree)
