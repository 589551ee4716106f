#include "core/training/freezing.h"

#include <algorithm>
#include <map>

#include "core/models/registry.h"

namespace tstudio::training {

namespace {

bool isBatchNorm(const torch::nn::Module& module) {
    return module.as<torch::nn::BatchNorm2d>() != nullptr ||
           module.as<torch::nn::BatchNorm1d>() != nullptr ||
           module.as<torch::nn::BatchNorm3d>() != nullptr;
}

std::vector<std::string> allBlockPaths(const TransferNet& net, int firstBlocks) {
    std::vector<std::string> paths;
    for (int b = 0; b < firstBlocks; ++b) {
        for (const std::string& path : net.blockModulePaths(b)) {
            paths.push_back(path);
        }
    }
    return paths;
}

bool underAny(const std::string& name, const std::vector<std::string>& paths) {
    return std::any_of(paths.begin(), paths.end(),
                       [&](const std::string& p) { return underPath(name, p); });
}

} // namespace

FreezeSpec effectiveFreeze(const TrainingConfig& config, int stage) {
    FreezeSpec headOnly;
    headOnly.preset = FreezeSpec::Preset::HeadOnly;
    switch (config.mode) {
    case TrainMode::Feature:
        return headOnly;
    case TrainMode::FineTune:
        return config.freeze;
    case TrainMode::TwoStage:
        return stage >= 2 ? config.twoStage.stage2Freeze : headOnly;
    }
    return config.freeze;
}

Result<std::set<std::string>> resolveTrainable(const TransferNet& net, const FreezeSpec& spec) {
    const auto params = net.namedParameters();
    std::map<std::string, bool> trains;
    const std::string head = net.headPath();
    const int n = net.blockCount();
    const int frozenBlocks = std::max(0, n - spec.lastBlocks);
    const std::vector<std::string> frozenPaths = allBlockPaths(net, frozenBlocks);
    for (const auto& [name, tensor] : params) {
        bool on = true;
        switch (spec.preset) {
        case FreezeSpec::Preset::None:
            on = true;
            break;
        case FreezeSpec::Preset::HeadOnly:
            on = underPath(name, head);
            break;
        case FreezeSpec::Preset::LastBlocks:
            on = !underAny(name, frozenPaths);
            break;
        case FreezeSpec::Preset::All:
            on = false;
            break;
        }
        trains[name] = on;
    }
    const auto modules = net.namedModules();
    for (const FreezeRule& given : spec.rules) {
        FreezeRule rule = given;
        rule.path = resolvePath(net, rule.path);
        std::vector<std::string> paths{rule.path};
        const auto& blocks = net.blockNames();
        if (const auto it = std::find(blocks.begin(), blocks.end(), rule.path);
            it != blocks.end()) {
            paths = net.blockModulePaths(static_cast<int>(it - blocks.begin()));
        }
        bool found = false;
        for (auto& [name, on] : trains) {
            if (underAny(name, paths)) {
                on = !rule.frozen;
                found = true;
            }
        }
        found = found || std::any_of(modules.begin(), modules.end(),
                                     [&](const auto& m) { return m.first == rule.path; });
        if (!found) {
            std::string names;
            for (const std::string& block : blocks) {
                names += (names.empty() ? "" : ", ") + block;
            }
            return fail("The freeze rule path \"" + rule.path + "\" names no part of " +
                        net.info().displayName + ". Use a module path from the model tree, " +
                        head + " for the new head, or a block: " + names + ".");
        }
    }
    std::set<std::string> trainable;
    for (const auto& [name, on] : trains) {
        if (on) {
            trainable.insert(name);
        }
    }
    return trainable;
}

void applyTrainable(TransferNet& net, const std::set<std::string>& trainable) {
    for (auto& [name, tensor] : net.namedParameters()) {
        tensor.set_requires_grad(trainable.count(name) != 0);
    }
}

CutPoint frozenPrefix(const TransferNet& net, const std::set<std::string>& trainable,
                      const FreezeSpec& spec) {
    if (spec.trainFrozenBatchNorm) {
        return {};
    }
    const auto params = net.namedParameters();
    const auto anyTrains = [&](const std::vector<std::string>& paths) {
        return std::any_of(params.begin(), params.end(), [&](const auto& p) {
            return trainable.count(p.first) != 0 && underAny(p.first, paths);
        });
    };
    CutPoint cut;
    const int n = net.blockCount();
    while (cut.blocks < n && !anyTrains(net.blockModulePaths(cut.blocks))) {
        ++cut.blocks;
    }
    if (cut.blocks == n) {
        // The neck: whatever is neither a block nor the head.
        const std::vector<std::string> blockPaths = allBlockPaths(net, n);
        const std::string head = net.headPath();
        cut.throughPooling = std::none_of(params.begin(), params.end(), [&](const auto& p) {
            return trainable.count(p.first) != 0 && !underAny(p.first, blockPaths) &&
                   !underPath(p.first, head);
        });
    }
    return cut;
}

void setTrainingModes(TransferNet& net, const std::set<std::string>& trainable,
                      const FreezeSpec& spec, CutPoint prefix) {
    net.train(true);
    const auto modules = net.namedModules();
    if (!spec.trainFrozenBatchNorm) {
        for (const auto& [path, module] : modules) {
            if (!isBatchNorm(*module)) {
                continue;
            }
            const auto params = module->named_parameters(/*recurse=*/false);
            const bool frozen =
                std::none_of(params.begin(), params.end(), [&, p = path](const auto& item) {
                    return trainable.count(p + "." + item.key()) != 0;
                });
            if (frozen) {
                module->eval();
            }
        }
    }
    if (prefix.throughPooling) {
        // Blocks and neck are one frozen function; only the head trains.
        net.backbone()->eval();
        if (!net.head()) {
            net.backbone()->head()->train();
        }
        return;
    }
    const std::vector<std::string> prefixPaths = allBlockPaths(net, prefix.blocks);
    for (const auto& [path, module] : modules) {
        if (std::find(prefixPaths.begin(), prefixPaths.end(), path) != prefixPaths.end()) {
            module->eval();
        }
    }
}

std::string resolvePath(const TransferNet& net, const std::string& path) {
    if (path == "head") {
        return net.headPath();
    }
    if (path.starts_with("head.") && net.headPath() != "head") {
        return net.headPath() + path.substr(4);
    }
    return path;
}

std::vector<LrMultiplier> resolveMultipliers(const TransferNet& net,
                                             const std::vector<LrMultiplier>& multipliers) {
    std::vector<LrMultiplier> out = multipliers;
    for (LrMultiplier& m : out) {
        m.path = resolvePath(net, m.path);
    }
    return out;
}

double lrMultiplierOf(const std::string& parameter, const std::vector<LrMultiplier>& multipliers) {
    double factor = 1.0;
    for (const LrMultiplier& m : multipliers) {
        if (underPath(parameter, m.path)) {
            factor = m.factor;
        }
    }
    return factor;
}

} // namespace tstudio::training
