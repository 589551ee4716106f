#pragma once

// Private to core/export (torch types): the NetworkGraph as an ONNX model, built as a
// torch::jit::Graph of onnx:: nodes and serialized by LibTorch's own ONNX exporter.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/csrc/jit/ir/ir.h>

#include "core/graph/network_graph.h"

namespace tstudio::modelexport {

using graph::ConvOptions;
using graph::GraphValue;
using graph::NetworkGraph;
using graph::PoolOptions;

/** The opset written: HardSwish needs 14; OpenCV 4.6 reads 17. */
constexpr std::int64_t kOnnxOpset = 17;

/**
 * Every operation is one or a few standard ONNX nodes that OpenCV 4.6's importer runs
 * correctly: ReLU6 is 6 * HardSigmoid(x / 6) (OpenCV cannot run Clip with input bounds), a gate
 * multiplies as Mul(gate, x) (Mul(x, HardSigmoid(y)) is silently fused into HardSwish(y)),
 * GELU is built from Erf. Parameters become initializers named by their keys. Input "input"
 * [N, 3, size, size] and output "logits" [N, classes] with a dynamic batch axis.
 */
class OnnxGraph final : public NetworkGraph {
public:
    OnnxGraph(const weights::StateDict& dict, int inputSize);
    ~OnnxGraph() override;

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

    /**
     * The serialized ModelProto at kOnnxOpset, with metadata (key, value) pairs in its
     * metadata_props, passed through ONNX's checker. Throws c10::Error when the checker refuses
     * it (a programmer error in a description or here).
     */
    std::string serialize(const std::vector<std::pair<std::string, std::string>>& metadata);

private:
    GraphValue node(const char* kind, const std::vector<torch::jit::Value*>& inputs,
                    const std::function<void(torch::jit::Node*)>& attributes = {});
    torch::jit::Value* value(GraphValue handle) const;
    /** The graph input that carries key's tensor. */
    torch::jit::Value* initializer(const std::string& key);
    /** A Reshape's target shape: an int64 constant. */
    torch::jit::Value* shape(const std::vector<std::int64_t>& dims);
    /** An initializer computed from parameters (a reshaped weight), named name. */
    torch::jit::Value* derived(const std::string& name, const torch::Tensor& tensor);
    /** A [1] float constant. */
    torch::jit::Value* constant(float number);
    GraphValue poolNode(const char* kind, GraphValue x, PoolOptions options);

    std::shared_ptr<torch::jit::Graph> m_graph;
    std::vector<torch::jit::Value*> m_values;
    std::map<std::string, torch::Tensor> m_initializers;
    std::map<std::string, torch::jit::Value*> m_inputs;
};

} // namespace tstudio::modelexport
