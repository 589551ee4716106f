#include "core/training/model_tree.h"

#include <algorithm>
#include <map>

#include "core/models/registry.h"
#include "core/training/freezing.h"
#include "core/training/transfer_net.h"

namespace tstudio::training {

namespace {

/** "tstudio::models::(anonymous namespace)::InvertedResidualImpl" -> "InvertedResidual". */
std::string typeName(const torch::nn::Module& module) {
    std::string name = module.name();
    if (const auto colon = name.rfind("::"); colon != std::string::npos) {
        name = name.substr(colon + 2);
    }
    if (name.size() > 4 && name.ends_with("Impl")) {
        name.resize(name.size() - 4);
    }
    return name;
}

std::vector<std::int64_t> shapeOf(const torch::Tensor& t) {
    return std::vector<std::int64_t>(t.sizes().begin(), t.sizes().end());
}

struct Prepared {
    TransferNet net;
    std::set<std::string> trainable;
};

Result<Prepared> prepare(const TrainingConfig& config, int numClasses, int stage) {
    auto net = TransferNet::create(config, numClasses);
    if (!net) {
        return net.error();
    }
    auto trainable = resolveTrainable(*net, effectiveFreeze(config, stage));
    if (!trainable) {
        return trainable.error();
    }
    return Prepared{std::move(*net), std::move(*trainable)};
}

} // namespace

Result<ModuleTree> describeModel(const TrainingConfig& config, int numClasses, int stage) {
    auto prepared = prepare(config, numClasses, stage);
    if (!prepared) {
        return prepared.error();
    }
    TransferNet& net = prepared->net;
    const std::set<std::string>& trainable = prepared->trainable;
    const auto params = net.namedParameters();
    const std::vector<LrMultiplier> multipliers = resolveMultipliers(net, config.lrMultipliers);

    // Output shapes of the blocks (one blank image), the pooled features and the logits.
    std::map<std::string, std::vector<std::int64_t>> shapes;
    {
        torch::NoGradGuard noGrad;
        net.train(false);
        torch::Tensor x = torch::zeros({1, 3, net.inputSize(), net.inputSize()});
        for (int b = 0; b < net.blockCount(); ++b) {
            x = net.backbone()->forwardBlocks(x, b, b + 1);
            shapes[net.blockNames()[static_cast<std::size_t>(b)]] = shapeOf(x);
        }
        shapes[""] = shapeOf(net.forwardSuffix(x, CutPoint{net.blockCount(), false}));
    }

    ModuleTree tree;
    ModuleNode root;
    root.name = net.info().name;
    root.type = net.info().displayName;
    tree.nodes.push_back(root);
    std::map<std::string, int> indexOf{{"", 0}};
    const auto& blocks = net.blockNames();
    for (const auto& [path, module] : net.namedModules()) {
        ModuleNode node;
        node.path = path;
        const auto dot = path.rfind('.');
        node.name = dot == std::string::npos ? path : path.substr(dot + 1);
        node.type = typeName(*module);
        node.isBlock = std::find(blocks.begin(), blocks.end(), path) != blocks.end();
        if (const auto it = shapes.find(path); it != shapes.end()) {
            node.outputShape = it->second;
        } else if (const auto* linear = module->as<torch::nn::Linear>()) {
            node.outputShape = {1, linear->options.out_features()};
        }
        const std::string parentPath = dot == std::string::npos ? "" : path.substr(0, dot);
        const auto parent = indexOf.find(parentPath);
        node.parent = parent == indexOf.end() ? 0 : parent->second;
        const int index = static_cast<int>(tree.nodes.size());
        tree.nodes[static_cast<std::size_t>(node.parent)].children.push_back(index);
        indexOf[path] = index;
        tree.nodes.push_back(std::move(node));
    }
    tree.nodes[0].outputShape = shapes[""];
    // Counts per subtree: every parameter adds to its module and all its ancestors.
    for (ModuleNode& node : tree.nodes) {
        bool first = true;
        for (const auto& [name, tensor] : params) {
            if (!underPath(name, node.path)) {
                continue;
            }
            node.parameters += tensor.numel();
            if (trainable.count(name) != 0) {
                node.trainableParameters += tensor.numel();
            }
            if (first) {
                node.lrMultiplier = lrMultiplierOf(name, multipliers);
                first = false;
            }
        }
    }
    return tree;
}

Result<std::vector<std::string>> trainableParameterNames(const TrainingConfig& config,
                                                         int numClasses, int stage) {
    auto prepared = prepare(config, numClasses, stage);
    if (!prepared) {
        return prepared.error();
    }
    return std::vector<std::string>(prepared->trainable.begin(), prepared->trainable.end());
}

} // namespace tstudio::training
