#include "core/training/transfer_net_graph.h"

#include <stdexcept>

#include "core/graph/architecture_graphs.h"
#include "core/graph/backbone_graph.h"
#include "core/graph/torchscript_graph.h"
#include "core/models/registry.h"

namespace tstudio::training {

namespace {

using graph::GraphValue;
using graph::NetworkGraph;

GraphValue hiddenActivation(NetworkGraph& graph, GraphValue x, Activation activation) {
    switch (activation) {
    case Activation::ReLU:
        return graph.relu(x);
    case Activation::GELU:
        return graph.gelu(x);
    case Activation::SiLU:
        return graph.silu(x);
    }
    return x;
}

/** The head's pooling: the last block's output to [N, features] (TransferNet::pool). */
GraphValue pool(NetworkGraph& graph, GraphValue features, Pooling pooling,
                const graph::ArchitectureGraph& architecture) {
    switch (pooling) {
    case Pooling::Neck:
        return architecture.neck(graph, features);
    case Pooling::Average:
        return graph.flatten(graph.globalAvgPool(features));
    case Pooling::Max:
        return graph.flatten(graph.globalMaxPool(features));
    case Pooling::Flatten:
        return graph.flatten(features);
    }
    return features;
}

const graph::ArchitectureGraph& architectureOf(const TransferNet& net) {
    const graph::ArchitectureGraph* architecture = graph::findArchitectureGraph(net.info());
    if (architecture == nullptr) {
        throw std::invalid_argument("no graph description for " + net.info().name);
    }
    return *architecture;
}

/** "mobilenet_v2/" + what + "/224": the key a choice is remembered under. */
std::string choiceKey(const TransferNet& net, const std::string& what) {
    std::string key = net.info().name;
    key += "/";
    key += what;
    key += "/";
    key += std::to_string(net.inputSize());
    return key;
}

std::string poolingKey(Pooling pooling) {
    switch (pooling) {
    case Pooling::Neck:
        return "neck";
    case Pooling::Average:
        return "average";
    case Pooling::Max:
        return "max";
    case Pooling::Flatten:
        return "flatten";
    }
    return "?";
}

} // namespace

void describeTransferNet(NetworkGraph& graph, const TransferNet& net) {
    const graph::ArchitectureGraph& architecture = architectureOf(net);
    GraphValue x = architecture.blocks(graph, graph.input());
    const HeadSpec& head = net.headSpec();
    x = pool(graph, x, head.pooling, architecture);
    // Dropout, in the head and the neck, does nothing in eval mode.
    for (std::size_t i = 0; i < head.hidden.size(); ++i) {
        std::string prefix = "head.hidden.";
        prefix += std::to_string(i);
        x = hiddenActivation(graph, graph.linear(x, prefix), head.hidden[i].activation);
    }
    const std::string finalLayer = graph.has("head.fc.weight") ? "head.fc" : net.info().headPath;
    graph.output(graph.linear(x, finalLayer), net.numClasses());
}

graph::FastestForward prefixForward(TransferNet& net, CutPoint cut) {
    graph::Forward eager = [&net, cut](const torch::Tensor& images) {
        return net.forwardPrefix(images, cut);
    };
    if (cut.blocks != net.blockCount() || !graph::hasGraph(net.info())) {
        return graph::FastestForward(std::move(eager));
    }
    const Pooling pooling = net.headSpec().pooling;
    std::string what = "blocks";
    if (cut.throughPooling) {
        what = "pool-";
        what += poolingKey(pooling);
    }
    graph::ScriptBuilder script = [&net, cut, pooling] {
        const weights::StateDict state = graph::backboneState(*net.backbone());
        graph::TorchScriptGraph scripted(state, net.inputSize());
        GraphValue x = graph::describeBackbone(scripted, net.info(), graph::BackboneEnd::LastBlock);
        if (cut.throughPooling) {
            x = pool(scripted, x, pooling, architectureOf(net));
        }
        scripted.output(x, 0);
        return scripted.build(graph::ScriptMetadata{});
    };
    return graph::FastestForward(choiceKey(net, what), std::move(eager), std::move(script));
}

graph::FastestForward networkForward(TransferNet& net) {
    graph::Forward eager = [&net](const torch::Tensor& images) {
        return net.forward(images);
    };
    if (!graph::hasGraph(net.info())) {
        return graph::FastestForward(std::move(eager));
    }
    // Trained heads differ from run to run; what they cost beside the backbone does not.
    std::string what = "network-";
    what += poolingKey(net.headSpec().pooling);
    graph::ScriptBuilder script = [&net] {
        const weights::StateDict state = net.stateDict();
        graph::TorchScriptGraph scripted(state, net.inputSize());
        describeTransferNet(scripted, net);
        return scripted.build(graph::ScriptMetadata{});
    };
    return graph::FastestForward(choiceKey(net, what), std::move(eager), std::move(script));
}

} // namespace tstudio::training
