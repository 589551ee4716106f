#include "core/graph/torchscript_graph.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace tstudio::graph {

namespace {

/** A Python float literal that reads back as exactly value. */
std::string floatLiteral(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", value);
    std::string literal = text;
    if (literal.find_first_of(".eEn") == std::string::npos) {
        literal += ".0";
    }
    return literal;
}

std::string pair(std::int64_t value) {
    std::string text = "[";
    text += std::to_string(value);
    text += ", ";
    text += std::to_string(value);
    text += "]";
    return text;
}

/** "[height, width]": a padding that differs between the axes. */
std::string pair(std::int64_t height, std::int64_t width) {
    std::string text = "[";
    text += std::to_string(height);
    text += ", ";
    text += std::to_string(width);
    text += "]";
    return text;
}

/** The padding as the other architectures have always written it where it is square. */
std::string paddingText(const ConvOptions& options) {
    return options.paddingWidth ? pair(options.heightPadding(), options.widthPadding())
                                : pair(options.padding);
}

const char* boolLiteral(bool value) {
    return value ? "True" : "False";
}

/** "function(a, b, ...)": the text of a call. */
std::string callText(const char* function, std::initializer_list<std::string> arguments) {
    std::string text = function;
    text += "(";
    const char* separator = "";
    for (const std::string& argument : arguments) {
        text += separator;
        text += argument;
        separator = ", ";
    }
    text += ")";
    return text;
}

/** x's channels last and back again, around an operation on the last axis (torchvision's
    LayerNorm2d and ConvNeXt's Linear layers do the same). */
std::string channelsLastText(const std::string& x) {
    std::string text = x;
    text += ".permute([0, 2, 3, 1])";
    return text;
}
constexpr const char* kChannelsFirstAgain = ".permute([0, 3, 1, 2])";

bool isIdentifier(const std::string& part) {
    if (part.empty() || std::isdigit(static_cast<unsigned char>(part.front())) != 0) {
        return false;
    }
    return std::all_of(part.begin(), part.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
}

std::vector<std::string> splitKey(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = key.find('.', start);
        parts.push_back(key.substr(start, dot - start));
        if (dot == std::string::npos) {
            return parts;
        }
        start = dot + 1;
    }
}

bool isBuffer(const std::string& attributeName) {
    return attributeName == "running_mean" || attributeName == "running_var" ||
           attributeName == "num_batches_tracked";
}

torch::jit::Module newModule(const std::shared_ptr<torch::jit::CompilationUnit>& unit,
                             const char* className) {
    std::string qualified = "__torch__.tstudio_export.";
    qualified += className;
    torch::jit::Module module(c10::QualifiedName(qualified), unit, /*shouldMangle=*/true);
    // Without it module.eval() has nothing to set and self.training does not compile.
    module.register_attribute("training", c10::BoolType::get(), true);
    return module;
}

} // namespace

TorchScriptGraph::TorchScriptGraph(const weights::StateDict& dict, int inputSize)
    : NetworkGraph(dict, inputSize), m_dict(dict) {}

std::string TorchScriptGraph::name(GraphValue value) const {
    if (value.id == 0) {
        return "x";
    }
    std::string text = "v";
    text += std::to_string(value.id);
    return text;
}

GraphValue TorchScriptGraph::call(const char* function, GraphValue x) {
    return let(callText(function, {name(x)}));
}

GraphValue TorchScriptGraph::let(const std::string& expression) {
    const GraphValue value{++m_values};
    m_source += "    ";
    m_source += name(value);
    m_source += " = ";
    m_source += expression;
    m_source += "\n";
    return value;
}

std::string TorchScriptGraph::attribute(const std::string& key) const {
    parameter(key); // throws for a key the dict lacks
    std::string expression = "self";
    for (const std::string& part : splitKey(key)) {
        if (isIdentifier(part)) {
            expression += ".";
            expression += part;
        } else {
            // Sequential's children are named "0", "1", ...: not identifiers.
            std::string wrapped = "getattr(";
            wrapped += expression;
            wrapped += ", \"";
            wrapped += part;
            wrapped += "\")";
            expression = std::move(wrapped);
        }
    }
    return expression;
}

std::string TorchScriptGraph::optionalAttribute(const std::string& key) const {
    return has(key) ? attribute(key) : std::string("None");
}

GraphValue TorchScriptGraph::input() {
    m_source = "def forward(self, x: Tensor) -> Tensor:\n";
    m_values = 0;
    return GraphValue{0};
}

void TorchScriptGraph::output(GraphValue logits, std::int64_t /*numClasses*/) {
    m_source += "    return ";
    m_source += name(logits);
    m_source += "\n";
}

GraphValue TorchScriptGraph::conv2d(GraphValue x, const std::string& prefix, ConvOptions options) {
    return let(callText("torch.conv2d", {name(x), attribute(prefix + ".weight"),
                                         optionalAttribute(prefix + ".bias"), pair(options.stride),
                                         paddingText(options), pair(options.dilation),
                                         std::to_string(options.groups)}));
}

GraphValue TorchScriptGraph::batchNorm(GraphValue x, const std::string& prefix, double eps) {
    // batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps,
    // cudnn_enabled)
    return let(callText("torch.batch_norm",
                        {name(x), attribute(prefix + ".weight"), attribute(prefix + ".bias"),
                         attribute(prefix + ".running_mean"), attribute(prefix + ".running_var"),
                         "False", "0.0", floatLiteral(eps), "False"}));
}

GraphValue TorchScriptGraph::relu(GraphValue x) {
    return call("torch.relu", x);
}

GraphValue TorchScriptGraph::relu6(GraphValue x) {
    return let(callText("torch.hardtanh", {name(x), "0.0", "6.0"}));
}

GraphValue TorchScriptGraph::hardswish(GraphValue x) {
    return call("torch.hardswish", x);
}

GraphValue TorchScriptGraph::hardsigmoid(GraphValue x) {
    return call("torch.hardsigmoid", x);
}

GraphValue TorchScriptGraph::silu(GraphValue x) {
    return call("torch.silu", x);
}

GraphValue TorchScriptGraph::sigmoid(GraphValue x) {
    return call("torch.sigmoid", x);
}

GraphValue TorchScriptGraph::gelu(GraphValue x) {
    return call("torch.gelu", x);
}

GraphValue TorchScriptGraph::add(GraphValue a, GraphValue b) {
    std::string expression = name(a);
    expression += " + ";
    expression += name(b);
    return let(expression);
}

GraphValue TorchScriptGraph::mul(GraphValue gate, GraphValue x) {
    std::string expression = name(gate);
    expression += " * ";
    expression += name(x);
    return let(expression);
}

GraphValue TorchScriptGraph::channelGate(GraphValue gate, GraphValue x, std::int64_t /*channels*/) {
    return mul(gate, x);
}

GraphValue TorchScriptGraph::cat(const std::vector<GraphValue>& parts) {
    std::string list = "torch.cat([";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            list += ", ";
        }
        list += name(parts[i]);
    }
    list += "], 1)";
    return let(list);
}

GraphValue TorchScriptGraph::maxPool(GraphValue x, PoolOptions options) {
    return let(callText("torch.max_pool2d",
                        {name(x), pair(options.kernel), pair(options.stride), pair(options.padding),
                         "[1, 1]", boolLiteral(options.ceilMode)}));
}

GraphValue TorchScriptGraph::avgPool(GraphValue x, PoolOptions options) {
    return let(callText("torch.avg_pool2d",
                        {name(x), pair(options.kernel), pair(options.stride), pair(options.padding),
                         boolLiteral(options.ceilMode), boolLiteral(options.countIncludePad)}));
}

GraphValue TorchScriptGraph::adaptiveAvgPool(GraphValue x, std::int64_t /*inSize*/,
                                             std::int64_t outSize) {
    return let(callText("torch.adaptive_avg_pool2d", {name(x), pair(outSize)}));
}

GraphValue TorchScriptGraph::globalAvgPool(GraphValue x) {
    return let(callText("torch.adaptive_avg_pool2d", {name(x), "[1, 1]"}));
}

GraphValue TorchScriptGraph::globalMaxPool(GraphValue x) {
    return let(callText("torch.amax", {name(x), "[2, 3]", "True"}));
}

GraphValue TorchScriptGraph::flatten(GraphValue x) {
    return let(callText("torch.flatten", {name(x), "1"}));
}

GraphValue TorchScriptGraph::linear(GraphValue x, const std::string& prefix) {
    return let(callText("torch.linear", {name(x), attribute(prefix + ".weight"),
                                         optionalAttribute(prefix + ".bias")}));
}

GraphValue TorchScriptGraph::channelLinear(GraphValue x, const std::string& prefix) {
    // torchvision's own order (permute, Linear, permute back): the same arithmetic.
    std::string expression =
        callText("torch.linear", {channelsLastText(name(x)), attribute(prefix + ".weight"),
                                  optionalAttribute(prefix + ".bias")});
    expression += kChannelsFirstAgain;
    return let(expression);
}

GraphValue TorchScriptGraph::channelLayerNorm(GraphValue x, const std::string& prefix, double eps) {
    std::string shape = "[";
    shape += std::to_string(parameter(prefix + ".weight").size(0));
    shape += "]";
    std::string expression = callText(
        "torch.layer_norm", {channelsLastText(name(x)), shape, attribute(prefix + ".weight"),
                             attribute(prefix + ".bias"), floatLiteral(eps)});
    expression += kChannelsFirstAgain;
    return let(expression);
}

GraphValue TorchScriptGraph::channelScale(GraphValue x, const std::string& key) {
    std::string expression = attribute(key);
    expression += " * ";
    expression += name(x);
    return let(expression);
}

GraphValue TorchScriptGraph::channelAffine(GraphValue x, const std::vector<double>& scale,
                                           const std::vector<double>& shift) {
    // Channel by channel, as Inception3._transform_input (and our eager module) computes it:
    // the same float operations in the same order.
    std::string expression = "torch.cat([";
    for (std::size_t c = 0; c < scale.size(); ++c) {
        if (c > 0) {
            expression += ", ";
        }
        expression += name(x);
        expression += ".select(1, ";
        expression += std::to_string(c);
        expression += ").unsqueeze(1) * ";
        expression += floatLiteral(scale[c]);
        expression += " + ";
        expression += floatLiteral(shift.at(c));
    }
    expression += "], 1)";
    return let(expression);
}

torch::jit::Module TorchScriptGraph::build(const ScriptMetadata& metadata) const {
    auto unit = std::make_shared<torch::jit::CompilationUnit>();
    torch::jit::Module root = newModule(unit, "ExportedClassifier");
    // Submodules by path, created as the keys first name them (state-dict order is kept).
    std::map<std::string, torch::jit::Module> modules;
    for (const auto& [key, tensor] : m_dict) {
        const std::vector<std::string> parts = splitKey(key);
        torch::jit::Module parent = root;
        std::string path;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            if (!path.empty()) {
                path += ".";
            }
            path += parts[i];
            auto it = modules.find(path);
            if (it == modules.end()) {
                torch::jit::Module child = newModule(unit, "Submodule");
                parent.register_module(parts[i], child);
                it = modules.emplace(path, child).first;
            }
            parent = it->second;
        }
        const std::string& attributeName = parts.back();
        parent.register_parameter(attributeName, tensor.detach().clone(),
                                  /*is_buffer=*/isBuffer(attributeName));
    }
    c10::List<std::string> classes;
    for (const std::string& name : metadata.classes) {
        classes.push_back(name);
    }
    root.register_attribute("classes", c10::ListType::ofStrings(), classes);
    root.register_attribute("input_size", c10::IntType::get(),
                            static_cast<std::int64_t>(metadata.inputSize));
    root.register_attribute("mean", c10::ListType::ofFloats(), c10::List<double>(metadata.mean));
    root.register_attribute("std", c10::ListType::ofFloats(), c10::List<double>(metadata.std));
    root.define(m_source);
    root.eval();
    return root;
}

} // namespace tstudio::graph
