#pragma once

// Private to core (torch types): the NetworkGraph written as TorchScript source, on a
// torch::jit::Module that holds the parameters under their torchvision keys.

#include <string>
#include <vector>

#include <torch/script.h>

#include "core/graph/network_graph.h"

namespace tstudio::graph {

/** What the exported module carries besides the network, for the program that loads it. */
struct ScriptMetadata {
    std::vector<std::string> classes;
    int inputSize = 224;
    std::vector<double> mean;
    std::vector<double> std;
};

/**
 * Emits one line of `forward` per operation (torch.conv2d, torch.batch_norm, ...: TorchScript
 * compiled without Python has no torch.nn.functional) reading the parameters as
 * `self.layer1[...]` attributes. build() registers every tensor of the dict on nested modules
 * named by its key's parts, so the module's state_dict() has the torchvision keys.
 */
class TorchScriptGraph final : public NetworkGraph {
public:
    TorchScriptGraph(const weights::StateDict& dict, int inputSize);

    GraphValue input() override;
    void output(GraphValue logits, std::int64_t numClasses) override;
    GraphValue conv2d(GraphValue x, const std::string& prefix, ConvOptions options) override;
    GraphValue batchNorm(GraphValue x, const std::string& prefix, double eps) override;
    GraphValue relu(GraphValue x) override;
    GraphValue relu6(GraphValue x) override;
    GraphValue hardswish(GraphValue x) override;
    GraphValue hardsigmoid(GraphValue x) override;
    GraphValue silu(GraphValue x) override;
    GraphValue sigmoid(GraphValue x) override;
    GraphValue gelu(GraphValue x) override;
    GraphValue add(GraphValue a, GraphValue b) override;
    GraphValue mul(GraphValue gate, GraphValue x) override;
    GraphValue channelGate(GraphValue gate, GraphValue x, std::int64_t channels) override;
    GraphValue cat(const std::vector<GraphValue>& parts) override;
    GraphValue maxPool(GraphValue x, PoolOptions options) override;
    GraphValue avgPool(GraphValue x, PoolOptions options) override;
    GraphValue adaptiveAvgPool(GraphValue x, std::int64_t inSize, std::int64_t outSize) override;
    GraphValue globalAvgPool(GraphValue x) override;
    GraphValue globalMaxPool(GraphValue x) override;
    GraphValue flatten(GraphValue x) override;
    GraphValue linear(GraphValue x, const std::string& prefix) override;
    GraphValue channelLinear(GraphValue x, const std::string& prefix) override;
    GraphValue channelLayerNorm(GraphValue x, const std::string& prefix, double eps) override;
    GraphValue channelScale(GraphValue x, const std::string& key) override;
    GraphValue channelAffine(GraphValue x, const std::vector<double>& scale,
                             const std::vector<double>& shift) override;

    /** The TorchScript source of forward so far. */
    const std::string& source() const { return m_source; }

    /** The module, in eval mode: the dict's tensors (copies), forward compiled from source(),
        and the attributes classes (List[str]), input_size (int), mean and std (List[float]).
        Throws c10::Error when the source does not compile (a programmer error). */
    torch::jit::Module build(const ScriptMetadata& metadata) const;

private:
    /** A new local variable bound to expression. */
    GraphValue let(const std::string& expression);
    std::string name(GraphValue value) const;
    /** A new local variable bound to function(x). */
    GraphValue call(const char* function, GraphValue x);
    /** The expression that reads key's tensor from self. */
    std::string attribute(const std::string& key) const;
    /** attribute(key), or None where the dict has no key (a layer without bias). */
    std::string optionalAttribute(const std::string& key) const;

    const weights::StateDict& m_dict;
    std::string m_source;
    int m_values = 0;
};

} // namespace tstudio::graph
