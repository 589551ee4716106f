#pragma once

// Private to core (torch types): the small vocabulary of operations networks are written in,
// once per architecture, for export and for our own frozen-graph inference, and that each graph
// format (TorchScript source, an ONNX graph) implements. Parameters are named by their torchvision
// keys
// ("layer1.0.conv1" + ".weight"), read from the exported state dict.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/weights/state_dict.h"

namespace tstudio::graph {

/** A tensor inside the graph being built: an index the backend gives out. */
struct GraphValue {
    int id = -1;
};

struct ConvOptions {
    std::int64_t stride = 1;
    /** The padding on every side, or the height's where paddingWidth is set. */
    std::int64_t padding = 0;
    /** The width's padding where it differs from the height's: Inception's 1x7 and 7x1
        kernels pad (0, 3) and (3, 0). Unset for square padding. */
    std::optional<std::int64_t> paddingWidth;
    std::int64_t dilation = 1;
    std::int64_t groups = 1;

    std::int64_t heightPadding() const { return padding; }
    std::int64_t widthPadding() const { return paddingWidth.value_or(padding); }
};

struct PoolOptions {
    std::int64_t kernel = 2;
    std::int64_t stride = 2;
    std::int64_t padding = 0;
    bool ceilMode = false;
    bool countIncludePad = true; ///< average pooling only
};

/**
 * The builder an architecture's forward is written against. Operations work on NCHW tensors
 * (and [N, C] after flatten) in eval mode: dropout is left out, batch norm uses its running
 * statistics. A parameter prefix names a module ("features.0.0"); its ".weight" (and ".bias"
 * where the state dict has one) are what the operation uses. A key the state dict lacks throws
 * std::invalid_argument (the description and the dict disagree: a programmer error).
 * Thread: one at a time.
 */
class NetworkGraph {
public:
    /** dict: the exported state dict; inputSize: the images' height and width. */
    NetworkGraph(const weights::StateDict& dict, int inputSize);
    virtual ~NetworkGraph() = default;
    NetworkGraph(const NetworkGraph&) = delete;
    NetworkGraph& operator=(const NetworkGraph&) = delete;

    /** The image batch [N, 3, inputSize, inputSize]. */
    virtual GraphValue input() = 0;
    /** Marks the logits [N, numClasses]; the last call. */
    virtual void output(GraphValue logits, std::int64_t numClasses) = 0;

    virtual GraphValue conv2d(GraphValue x, const std::string& prefix, ConvOptions options) = 0;
    virtual GraphValue batchNorm(GraphValue x, const std::string& prefix, double eps) = 0;
    virtual GraphValue relu(GraphValue x) = 0;
    virtual GraphValue relu6(GraphValue x) = 0;
    virtual GraphValue hardswish(GraphValue x) = 0;
    virtual GraphValue hardsigmoid(GraphValue x) = 0;
    virtual GraphValue silu(GraphValue x) = 0;
    virtual GraphValue sigmoid(GraphValue x) = 0;
    virtual GraphValue gelu(GraphValue x) = 0;
    virtual GraphValue add(GraphValue a, GraphValue b) = 0;
    /** gate * x, both of the same shape (SiLU). */
    virtual GraphValue mul(GraphValue gate, GraphValue x) = 0;
    /** gate * x with a [N, C, 1, 1] gate over x [N, C, H, W] (squeeze-excitation). */
    virtual GraphValue channelGate(GraphValue gate, GraphValue x, std::int64_t channels) = 0;
    /** Concatenation along the channels. */
    virtual GraphValue cat(const std::vector<GraphValue>& parts) = 0;
    virtual GraphValue maxPool(GraphValue x, PoolOptions options) = 0;
    virtual GraphValue avgPool(GraphValue x, PoolOptions options) = 0;
    /** Adaptive average pooling (torch's bins) from inSize x inSize to outSize x outSize. ONNX
        has no such node: there it is written where inSize is a multiple of outSize or 1, and
        throws std::invalid_argument otherwise. */
    virtual GraphValue adaptiveAvgPool(GraphValue x, std::int64_t inSize, std::int64_t outSize) = 0;
    /** Global average pooling, keeping [N, C, 1, 1]. */
    virtual GraphValue globalAvgPool(GraphValue x) = 0;
    /** Global max pooling, keeping [N, C, 1, 1]. */
    virtual GraphValue globalMaxPool(GraphValue x) = 0;
    /** [N, C, H, W] -> [N, C*H*W]. */
    virtual GraphValue flatten(GraphValue x) = 0;
    /** x W^T + b on [N, in]. */
    virtual GraphValue linear(GraphValue x, const std::string& prefix) = 0;
    /** A Linear applied to every pixel's channels of an NCHW tensor (ConvNeXt's MLP). */
    virtual GraphValue channelLinear(GraphValue x, const std::string& prefix) = 0;
    /** LayerNorm over the channels of every pixel of an NCHW tensor (ConvNeXt's LayerNorm2d
        and the LayerNorm in its blocks). */
    virtual GraphValue channelLayerNorm(GraphValue x, const std::string& prefix, double eps) = 0;
    /** scale * x with scale the [C, 1, 1] parameter key (ConvNeXt's layer_scale). */
    virtual GraphValue channelScale(GraphValue x, const std::string& key) = 0;
    /** x[:, c] * scale[c] + shift[c] for every channel c, with constant scale and shift (one per
        channel): Inception's transform_input. TorchScript computes it channel by channel as our
        eager module does; ONNX as a depthwise 1x1 convolution. */
    virtual GraphValue channelAffine(GraphValue x, const std::vector<double>& scale,
                                     const std::vector<double>& shift) = 0;

    int inputSize() const { return m_inputSize; }
    bool has(const std::string& key) const { return m_params.count(key) != 0; }
    /** The tensor of key; throws std::invalid_argument when the dict lacks it. */
    const torch::Tensor& parameter(const std::string& key) const;

private:
    std::map<std::string, torch::Tensor> m_params;
    int m_inputSize;
};

} // namespace tstudio::graph
