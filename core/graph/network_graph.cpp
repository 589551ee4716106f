#include "core/graph/network_graph.h"

#include <stdexcept>

namespace tstudio::graph {

NetworkGraph::NetworkGraph(const weights::StateDict& dict, int inputSize) : m_inputSize(inputSize) {
    for (const auto& [name, tensor] : dict) {
        m_params.emplace(name, tensor);
    }
}

const torch::Tensor& NetworkGraph::parameter(const std::string& key) const {
    const auto it = m_params.find(key);
    if (it == m_params.end()) {
        std::string message = "the exported state dict has no \"";
        message += key;
        message += "\"";
        throw std::invalid_argument(message);
    }
    return it->second;
}

} // namespace tstudio::graph
