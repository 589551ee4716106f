#include "core/graph/backbone_graph.h"

#include <stdexcept>

#include "core/graph/architecture_graphs.h"
#include "core/graph/torchscript_graph.h"
#include "core/models/registry.h"

namespace tstudio::graph {

bool hasGraph(const models::BackboneInfo& info) {
    return findArchitectureGraph(info) != nullptr;
}

GraphValue describeBackbone(NetworkGraph& graph, const models::BackboneInfo& info,
                            BackboneEnd end) {
    const ArchitectureGraph* architecture = findArchitectureGraph(info);
    if (architecture == nullptr) {
        throw std::invalid_argument("describeBackbone: no description for " + info.name);
    }
    GraphValue x = architecture->blocks(graph, graph.input());
    if (end == BackboneEnd::LastBlock) {
        return x;
    }
    x = architecture->neck(graph, x);
    if (end == BackboneEnd::Neck) {
        return x;
    }
    return graph.linear(x, info.headPath);
}

weights::StateDict backboneState(models::BackboneImpl& backbone) {
    weights::StateDict state;
    for (const auto& item : backbone.named_parameters()) {
        state.emplace_back(item.key(), item.value());
    }
    for (const auto& item : backbone.named_buffers()) {
        state.emplace_back(item.key(), item.value());
    }
    return state;
}

torch::jit::Module scriptBackbone(models::BackboneImpl& backbone, const models::BackboneInfo& info,
                                  int inputSize, BackboneEnd end) {
    const weights::StateDict state = backboneState(backbone);
    TorchScriptGraph graph(state, inputSize);
    graph.output(describeBackbone(graph, info, end), 0);
    return graph.build(ScriptMetadata{});
}

} // namespace tstudio::graph
