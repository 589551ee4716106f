#include "core/training/optimizer_factory.h"

#include <map>
#include <tuple>

#include "core/training/freezing.h"

namespace tstudio::training {

namespace {

namespace optim = torch::optim;

std::unique_ptr<optim::OptimizerOptions> optionsFor(const OptimizerConfig& c, double lr,
                                                    double decay) {
    switch (c.kind) {
    case OptimizerKind::SGD:
        return std::make_unique<optim::SGDOptions>(optim::SGDOptions(lr)
                                                       .momentum(c.momentum)
                                                       .nesterov(c.nesterov && c.momentum > 0)
                                                       .weight_decay(decay));
    case OptimizerKind::Adam:
        return std::make_unique<optim::AdamOptions>(optim::AdamOptions(lr)
                                                        .betas(std::make_tuple(c.beta1, c.beta2))
                                                        .eps(c.eps)
                                                        .weight_decay(decay));
    case OptimizerKind::AdamW:
        return std::make_unique<optim::AdamWOptions>(optim::AdamWOptions(lr)
                                                         .betas(std::make_tuple(c.beta1, c.beta2))
                                                         .eps(c.eps)
                                                         .weight_decay(decay));
    case OptimizerKind::RMSprop:
        return std::make_unique<optim::RMSpropOptions>(optim::RMSpropOptions(lr)
                                                           .alpha(c.alpha)
                                                           .eps(c.eps)
                                                           .momentum(c.momentum)
                                                           .weight_decay(decay));
    }
    return nullptr;
}

} // namespace

TrainableOptimizer makeOptimizer(const OptimizerConfig& config,
                                 const std::vector<std::pair<std::string, torch::Tensor>>& params,
                                 const std::vector<LrMultiplier>& multipliers, double baseLr) {
    // Groups in order of first appearance, so the same model gives the same group order (the
    // optimizer state of a checkpoint is matched by position).
    std::vector<std::pair<double, bool>> keys;
    std::vector<std::vector<torch::Tensor>> members;
    for (const auto& [name, tensor] : params) {
        if (!tensor.requires_grad()) {
            continue;
        }
        const std::pair<double, bool> key{lrMultiplierOf(name, multipliers), tensor.dim() >= 2};
        auto it = std::find(keys.begin(), keys.end(), key);
        if (it == keys.end()) {
            keys.push_back(key);
            members.emplace_back();
            it = keys.end() - 1;
        }
        members[static_cast<std::size_t>(it - keys.begin())].push_back(tensor);
    }
    TrainableOptimizer out;
    out.kind = config.kind;
    std::vector<optim::OptimizerParamGroup> groups;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const double decay = keys[i].second ? config.weightDecay : 0.0;
        groups.emplace_back(members[i], optionsFor(config, baseLr * keys[i].first, decay));
        out.groupMultipliers.push_back(keys[i].first);
        out.parameters.insert(out.parameters.end(), members[i].begin(), members[i].end());
    }
    const auto defaults = optionsFor(config, baseLr, config.weightDecay);
    switch (config.kind) {
    case OptimizerKind::SGD:
        out.optimizer =
            std::make_unique<optim::SGD>(groups, static_cast<const optim::SGDOptions&>(*defaults));
        break;
    case OptimizerKind::Adam:
        out.optimizer = std::make_unique<optim::Adam>(
            groups, static_cast<const optim::AdamOptions&>(*defaults));
        break;
    case OptimizerKind::AdamW:
        out.optimizer = std::make_unique<optim::AdamW>(
            groups, static_cast<const optim::AdamWOptions&>(*defaults));
        break;
    case OptimizerKind::RMSprop:
        out.optimizer = std::make_unique<optim::RMSprop>(
            groups, static_cast<const optim::RMSpropOptions&>(*defaults));
        break;
    }
    return out;
}

void setLearningRate(TrainableOptimizer& optimizer, double lr) {
    auto& groups = optimizer.optimizer->param_groups();
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const double value = lr * optimizer.groupMultipliers[i];
        // Cast per kind: OptimizerOptions::set_lr does not exist in every LibTorch.
        auto& options = groups[i].options();
        switch (optimizer.kind) {
        case OptimizerKind::SGD:
            static_cast<optim::SGDOptions&>(options).lr(value);
            break;
        case OptimizerKind::Adam:
            static_cast<optim::AdamOptions&>(options).lr(value);
            break;
        case OptimizerKind::AdamW:
            static_cast<optim::AdamWOptions&>(options).lr(value);
            break;
        case OptimizerKind::RMSprop:
            static_cast<optim::RMSpropOptions&>(options).lr(value);
            break;
        }
    }
}

} // namespace tstudio::training
