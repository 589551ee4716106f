#include "core/export/onnx_graph.h"

#include <cmath>

#include <torch/csrc/jit/serialization/export.h>
#include <torch/version.h>

namespace tstudio::modelexport {

namespace {

using torch::jit::Node;
using torch::jit::Value;

c10::Symbol attr(const char* name) {
    return c10::Symbol::attr(name);
}

std::vector<std::int64_t> twice(std::int64_t value) {
    return {value, value};
}

/** protobuf's base-128 varint. */
void appendVarint(std::string& bytes, std::uint64_t value) {
    while (value >= 0x80) {
        bytes += static_cast<char>((value & 0x7f) | 0x80);
        value >>= 7;
    }
    bytes += static_cast<char>(value);
}

/** A length-delimited field (wire type 2). */
void appendField(std::string& bytes, int field, const std::string& payload) {
    appendVarint(bytes, static_cast<std::uint64_t>(field) << 3 | 2);
    appendVarint(bytes, payload.size());
    bytes += payload;
}

} // namespace

OnnxGraph::OnnxGraph(const weights::StateDict& dict, int inputSize)
    : NetworkGraph(dict, inputSize), m_graph(std::make_shared<torch::jit::Graph>()) {
    Value* images = m_graph->addInput("input");
    images->setType(c10::TensorType::createContiguous(torch::kFloat, torch::kCPU,
                                                      {1, 3, inputSize, inputSize}));
    m_values.push_back(images);
}

OnnxGraph::~OnnxGraph() = default;

Value* OnnxGraph::value(GraphValue handle) const {
    return m_values.at(static_cast<std::size_t>(handle.id));
}

GraphValue OnnxGraph::node(const char* kind, const std::vector<Value*>& inputs,
                           const std::function<void(Node*)>& attributes) {
    Node* n = m_graph->create(c10::Symbol::onnx(kind), inputs, /*num_outputs=*/1);
    if (attributes) {
        attributes(n);
    }
    m_graph->insertNode(n);
    m_values.push_back(n->output());
    return GraphValue{static_cast<int>(m_values.size()) - 1};
}

Value* OnnxGraph::initializer(const std::string& key) {
    if (const auto it = m_inputs.find(key); it != m_inputs.end()) {
        return it->second;
    }
    const torch::Tensor tensor = parameter(key).detach().to(torch::kFloat).contiguous();
    Value* input = m_graph->addInput(key);
    input->setType(c10::TensorType::create(tensor));
    m_initializers.emplace(key, tensor);
    m_inputs.emplace(key, input);
    return input;
}

Value* OnnxGraph::derived(const std::string& name, const torch::Tensor& tensor) {
    if (const auto it = m_inputs.find(name); it != m_inputs.end()) {
        return it->second;
    }
    const torch::Tensor contiguous = tensor.detach().to(torch::kFloat).contiguous();
    Value* input = m_graph->addInput(name);
    input->setType(c10::TensorType::create(contiguous));
    m_initializers.emplace(name, contiguous);
    m_inputs.emplace(name, input);
    return input;
}

Value* OnnxGraph::constant(float number) {
    std::string key = "constant_";
    key += std::to_string(m_initializers.size());
    const torch::Tensor tensor = torch::full({1}, number);
    Value* input = m_graph->addInput(key);
    input->setType(c10::TensorType::create(tensor));
    m_initializers.emplace(key, tensor);
    m_inputs.emplace(key, input);
    return input;
}

Value* OnnxGraph::shape(const std::vector<std::int64_t>& dims) {
    std::string key = "shape_";
    key += std::to_string(m_initializers.size());
    const torch::Tensor tensor = torch::tensor(dims, torch::kLong);
    Value* input = m_graph->addInput(key);
    input->setType(c10::TensorType::create(tensor));
    m_initializers.emplace(key, tensor);
    m_inputs.emplace(key, input);
    return input;
}

GraphValue OnnxGraph::input() {
    return GraphValue{0};
}

void OnnxGraph::output(GraphValue logits, std::int64_t numClasses) {
    Value* out = value(logits);
    // OpenCV 4.6 asserts on an output without a full shape.
    out->setType(c10::TensorType::createContiguous(torch::kFloat, torch::kCPU, {1, numClasses}));
    m_graph->registerOutput(out);
    out->setDebugName("logits");
}

GraphValue OnnxGraph::conv2d(GraphValue x, const std::string& prefix, ConvOptions options) {
    std::vector<Value*> inputs{value(x), initializer(prefix + ".weight")};
    const std::string bias = prefix + ".bias";
    if (has(bias)) {
        inputs.push_back(initializer(bias));
    }
    const torch::Tensor& weight = parameter(prefix + ".weight");
    return node("Conv", inputs, [&](Node* n) {
        n->is_(attr("kernel_shape"), {weight.size(2), weight.size(3)});
        n->is_(attr("strides"), twice(options.stride));
        // Begin and end of each axis: [top, left, bottom, right].
        n->is_(attr("pads"), {options.heightPadding(), options.widthPadding(),
                              options.heightPadding(), options.widthPadding()});
        n->is_(attr("dilations"), twice(options.dilation));
        n->i_(attr("group"), options.groups);
    });
}

GraphValue OnnxGraph::batchNorm(GraphValue x, const std::string& prefix, double eps) {
    std::vector<Value*> inputs{value(x)};
    for (const char* part : {".weight", ".bias", ".running_mean", ".running_var"}) {
        inputs.push_back(initializer(prefix + part));
    }
    return node("BatchNormalization", inputs, [&](Node* n) { n->f_(attr("epsilon"), eps); });
}

GraphValue OnnxGraph::relu(GraphValue x) {
    return node("Relu", {value(x)});
}

GraphValue OnnxGraph::relu6(GraphValue x) {
    // min(max(x, 0), 6) == 6 * clamp(x / 6, 0, 1).
    const GraphValue scaled = node("HardSigmoid", {value(x)}, [](Node* n) {
        n->f_(attr("alpha"), 1.0 / 6.0);
        n->f_(attr("beta"), 0.0);
    });
    return node("Mul", {value(scaled), constant(6.0f)});
}

GraphValue OnnxGraph::hardswish(GraphValue x) {
    return node("HardSwish", {value(x)});
}

GraphValue OnnxGraph::hardsigmoid(GraphValue x) {
    // torch's hardsigmoid: relu6(x + 3) / 6.
    return node("HardSigmoid", {value(x)}, [](Node* n) {
        n->f_(attr("alpha"), 1.0 / 6.0);
        n->f_(attr("beta"), 0.5);
    });
}

GraphValue OnnxGraph::silu(GraphValue x) {
    return mul(sigmoid(x), x);
}

GraphValue OnnxGraph::sigmoid(GraphValue x) {
    return node("Sigmoid", {value(x)});
}

GraphValue OnnxGraph::gelu(GraphValue x) {
    // torch's exact GELU: x * 0.5 * (1 + erf(x / sqrt(2))).
    const GraphValue scaled = node("Div", {value(x), constant(static_cast<float>(std::sqrt(2.0)))});
    const GraphValue erf = node("Erf", {value(scaled)});
    const GraphValue shifted = node("Add", {value(erf), constant(1.0f)});
    const GraphValue half = node("Mul", {value(shifted), constant(0.5f)});
    return node("Mul", {value(x), value(half)});
}

GraphValue OnnxGraph::add(GraphValue a, GraphValue b) {
    return node("Add", {value(a), value(b)});
}

GraphValue OnnxGraph::mul(GraphValue gate, GraphValue x) {
    return node("Mul", {value(gate), value(x)});
}

GraphValue OnnxGraph::channelGate(GraphValue gate, GraphValue x, std::int64_t channels) {
    // OpenCV 4.6 runs a broadcasting Mul as a Scale layer that takes the gate's N*C values as
    // per-channel weights, which fails for a batch of more than one image. Seen as one image of
    // N*C channels ([1, N*C, H, W], a Reshape's 0 keeps H and W) the gate is exactly that.
    const GraphValue flatGate = node("Reshape", {value(gate), shape({1, -1, 1, 1})});
    const GraphValue flatX = node("Reshape", {value(x), shape({1, -1, 0, 0})});
    const GraphValue product = node("Mul", {value(flatGate), value(flatX)});
    return node("Reshape", {value(product), shape({-1, channels, 0, 0})});
}

GraphValue OnnxGraph::cat(const std::vector<GraphValue>& parts) {
    std::vector<Value*> inputs;
    for (const GraphValue part : parts) {
        inputs.push_back(value(part));
    }
    return node("Concat", inputs, [](Node* n) { n->i_(attr("axis"), 1); });
}

GraphValue OnnxGraph::poolNode(const char* kind, GraphValue x, PoolOptions options) {
    const bool average = std::string_view(kind) == "AveragePool";
    return node(kind, {value(x)}, [&](Node* n) {
        n->is_(attr("kernel_shape"), twice(options.kernel));
        n->is_(attr("strides"), twice(options.stride));
        n->is_(attr("pads"), {options.padding, options.padding, options.padding, options.padding});
        n->i_(attr("ceil_mode"), options.ceilMode ? 1 : 0);
        if (average) {
            n->i_(attr("count_include_pad"), options.countIncludePad ? 1 : 0);
        }
    });
}

GraphValue OnnxGraph::maxPool(GraphValue x, PoolOptions options) {
    return poolNode("MaxPool", x, options);
}

GraphValue OnnxGraph::avgPool(GraphValue x, PoolOptions options) {
    return poolNode("AveragePool", x, options);
}

GraphValue OnnxGraph::adaptiveAvgPool(GraphValue x, std::int64_t inSize, std::int64_t outSize) {
    if (inSize % outSize == 0) {
        // Equal bins: a plain average pool (kernel 1, the identity, at VGG's 224 pixels).
        PoolOptions options;
        options.kernel = inSize / outSize;
        options.stride = options.kernel;
        return avgPool(x, options);
    }
    if (inSize == 1) {
        // Every bin holds the one cell: copies side by side, down then across.
        const std::vector<Value*> rows(static_cast<std::size_t>(outSize), value(x));
        const GraphValue column = node("Concat", rows, [](Node* n) { n->i_(attr("axis"), 2); });
        const std::vector<Value*> columns(static_cast<std::size_t>(outSize), value(column));
        return node("Concat", columns, [](Node* n) { n->i_(attr("axis"), 3); });
    }
    std::string message = "adaptive average pooling from ";
    message += std::to_string(inSize);
    message += "x";
    message += std::to_string(inSize);
    message += " to ";
    message += std::to_string(outSize);
    message += "x";
    message += std::to_string(outSize);
    message += " has no ONNX form here; choose an input size whose last feature map is 1 or a "
               "multiple of the pooled size";
    throw std::invalid_argument(message);
}

GraphValue OnnxGraph::globalAvgPool(GraphValue x) {
    return node("GlobalAveragePool", {value(x)});
}

GraphValue OnnxGraph::globalMaxPool(GraphValue x) {
    return node("GlobalMaxPool", {value(x)});
}

GraphValue OnnxGraph::flatten(GraphValue x) {
    return node("Flatten", {value(x)}, [](Node* n) { n->i_(attr("axis"), 1); });
}

GraphValue OnnxGraph::linear(GraphValue x, const std::string& prefix) {
    std::vector<Value*> inputs{value(x), initializer(prefix + ".weight")};
    const std::string bias = prefix + ".bias";
    if (has(bias)) {
        inputs.push_back(initializer(bias));
    }
    return node("Gemm", inputs, [](Node* n) { n->i_(attr("transB"), 1); });
}

GraphValue OnnxGraph::channelLinear(GraphValue x, const std::string& prefix) {
    // A 1x1 convolution with the Linear's weight: OpenCV 4.6 cannot multiply a last-axis
    // vector on NHWC, so the graph stays NCHW.
    const torch::Tensor& weight = parameter(prefix + ".weight");
    std::vector<Value*> inputs{value(x),
                               derived(prefix + ".weight.as_1x1_conv",
                                       weight.reshape({weight.size(0), weight.size(1), 1, 1}))};
    const std::string bias = prefix + ".bias";
    if (has(bias)) {
        inputs.push_back(initializer(bias));
    }
    return node("Conv", inputs, [](Node* n) {
        n->is_(attr("kernel_shape"), {1, 1});
        n->is_(attr("strides"), {1, 1});
        n->is_(attr("pads"), {0, 0, 0, 0});
    });
}

GraphValue OnnxGraph::channelLayerNorm(GraphValue x, const std::string& prefix, double eps) {
    // OpenCV 4.6 has no LayerNormalization over NCHW channels: the mean and the variance over
    // the channels are 1x1 convolutions, centred = x (I - 1/C), variance = centred² (1/C).
    const torch::Tensor& weight = parameter(prefix + ".weight");
    const std::int64_t channels = weight.size(0);
    const float share = 1.0f / static_cast<float>(channels);
    const torch::Tensor centring =
        (torch::eye(channels) - share).reshape({channels, channels, 1, 1}).contiguous();
    const torch::Tensor averaging = torch::full({channels, channels, 1, 1}, share);
    const auto conv1x1 = [](Node* n) {
        n->is_(attr("kernel_shape"), {1, 1});
        n->is_(attr("strides"), {1, 1});
        n->is_(attr("pads"), {0, 0, 0, 0});
    };
    const GraphValue centred =
        node("Conv", {value(x), derived(prefix + ".centring", centring)}, conv1x1);
    const GraphValue squared = node("Mul", {value(centred), value(centred)});
    const GraphValue variance =
        node("Conv", {value(squared), derived(prefix + ".averaging", averaging)}, conv1x1);
    const GraphValue shifted = node("Add", {value(variance), constant(static_cast<float>(eps))});
    const GraphValue deviation = node("Sqrt", {value(shifted)});
    const GraphValue normalised = node("Div", {value(centred), value(deviation)});
    const GraphValue scaled =
        node("Mul", {value(normalised),
                     derived(prefix + ".weight.per_channel", weight.reshape({channels, 1, 1}))});
    const torch::Tensor& bias = parameter(prefix + ".bias");
    return node("Add", {value(scaled),
                        derived(prefix + ".bias.per_channel", bias.reshape({channels, 1, 1}))});
}

GraphValue OnnxGraph::channelScale(GraphValue x, const std::string& key) {
    return node("Mul", {value(x), initializer(key)});
}

GraphValue OnnxGraph::channelAffine(GraphValue x, const std::vector<double>& scale,
                                    const std::vector<double>& shift) {
    // A depthwise 1x1 convolution (one group per channel, the scale its weight, the shift its
    // bias): OpenCV 4.6 runs it as the per-channel x * scale + shift it is.
    const auto channels = static_cast<std::int64_t>(scale.size());
    std::vector<float> weights;
    std::vector<float> biases;
    for (std::size_t c = 0; c < scale.size(); ++c) {
        weights.push_back(static_cast<float>(scale[c]));
        biases.push_back(static_cast<float>(shift.at(c)));
    }
    std::string prefix = "channel_affine_";
    prefix += std::to_string(m_initializers.size());
    const torch::Tensor weight = torch::tensor(weights).reshape({channels, 1, 1, 1});
    const torch::Tensor bias = torch::tensor(biases);
    return node("Conv",
                {value(x), derived(prefix + ".weight", weight), derived(prefix + ".bias", bias)},
                [&](Node* n) {
                    n->is_(attr("kernel_shape"), {1, 1});
                    n->is_(attr("strides"), {1, 1});
                    n->is_(attr("pads"), {0, 0, 0, 0});
                    n->i_(attr("group"), channels);
                });
}

std::string OnnxGraph::serialize(const std::vector<std::pair<std::string, std::string>>& metadata) {
    const std::unordered_map<std::string, std::unordered_map<std::int64_t, std::string>> dynamic{
        {"input", {{0, "batch"}}}, {"logits", {{0, "batch"}}}};
    auto exported = torch::jit::export_onnx(m_graph, m_initializers, kOnnxOpset, dynamic,
                                            /*defer_weight_export=*/false,
                                            torch::onnx::OperatorExportTypes::ONNX,
                                            /*strip_doc_string=*/true,
                                            /*keep_initializers_as_inputs=*/false);
    std::string bytes = torch::jit::serialize_model_proto_to_string(std::get<0>(exported));
    // ModelProto.metadata_props (field 14) holds StringStringEntryProto {key = 1, value = 2}.
    // Repeated fields may follow the rest of a message in any order, so appending them is a
    // valid serialization; LibTorch ships the ONNX messages but not their headers.
    for (const auto& [key, text] : metadata) {
        std::string entry;
        appendField(entry, 1, key);
        appendField(entry, 2, text);
        appendField(bytes, 14, entry);
    }
#if TORCH_VERSION_MAJOR < 2
    // The full check runs ONNX's shape inference too.
    torch::jit::check_onnx_proto(bytes, /*full_check=*/true);
#else
    // LibTorch 2 dropped the full_check argument.
    torch::jit::check_onnx_proto(bytes);
#endif
    return bytes;
}

} // namespace tstudio::modelexport
