#include "core/export/torchscript_graph.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace tstudio::modelexport {

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

const char* boolLiteral(bool value) {
    return value ? "True" : "False";
}

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

std::string TorchScriptGraph::unary(const char* function, GraphValue x, const char* rest) const {
    std::string text = function;
    text += "(";
    text += name(x);
    text += rest;
    text += ")";
    return text;
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
    const std::string bias = prefix + ".bias";
    std::string call = "torch.conv2d(";
    call += name(x);
    call += ", ";
    call += attribute(prefix + ".weight");
    call += ", ";
    call += has(bias) ? attribute(bias) : std::string("None");
    call += ", ";
    call += pair(options.stride);
    call += ", ";
    call += pair(options.padding);
    call += ", ";
    call += pair(options.dilation);
    call += ", ";
    call += std::to_string(options.groups);
    call += ")";
    return let(call);
}

GraphValue TorchScriptGraph::batchNorm(GraphValue x, const std::string& prefix, double eps) {
    std::string call = "torch.batch_norm(";
    call += name(x);
    for (const char* part : {".weight", ".bias", ".running_mean", ".running_var"}) {
        call += ", ";
        call += attribute(prefix + part);
    }
    call += ", False, 0.0, ";
    call += floatLiteral(eps);
    call += ", False)";
    return let(call);
}

GraphValue TorchScriptGraph::relu(GraphValue x) {
    return let(unary("torch.relu", x, ""));
}

GraphValue TorchScriptGraph::relu6(GraphValue x) {
    return let(unary("torch.hardtanh", x, ", 0.0, 6.0"));
}

GraphValue TorchScriptGraph::hardswish(GraphValue x) {
    return let(unary("torch.hardswish", x, ""));
}

GraphValue TorchScriptGraph::hardsigmoid(GraphValue x) {
    return let(unary("torch.hardsigmoid", x, ""));
}

GraphValue TorchScriptGraph::silu(GraphValue x) {
    return let(unary("torch.silu", x, ""));
}

GraphValue TorchScriptGraph::sigmoid(GraphValue x) {
    return let(unary("torch.sigmoid", x, ""));
}

GraphValue TorchScriptGraph::gelu(GraphValue x) {
    return let(unary("torch.gelu", x, ""));
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
    std::string call = "torch.cat([";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            call += ", ";
        }
        call += name(parts[i]);
    }
    call += "], 1)";
    return let(call);
}

GraphValue TorchScriptGraph::maxPool(GraphValue x, PoolOptions options) {
    std::string call = "torch.max_pool2d(";
    call += name(x);
    call += ", ";
    call += pair(options.kernel);
    call += ", ";
    call += pair(options.stride);
    call += ", ";
    call += pair(options.padding);
    call += ", [1, 1], ";
    call += boolLiteral(options.ceilMode);
    call += ")";
    return let(call);
}

GraphValue TorchScriptGraph::avgPool(GraphValue x, PoolOptions options) {
    std::string call = "torch.avg_pool2d(";
    call += name(x);
    call += ", ";
    call += pair(options.kernel);
    call += ", ";
    call += pair(options.stride);
    call += ", ";
    call += pair(options.padding);
    call += ", ";
    call += boolLiteral(options.ceilMode);
    call += ", ";
    call += boolLiteral(options.countIncludePad);
    call += ")";
    return let(call);
}

GraphValue TorchScriptGraph::adaptiveAvgPool(GraphValue x, std::int64_t /*inSize*/,
                                             std::int64_t outSize) {
    std::string rest = ", ";
    rest += pair(outSize);
    return let(unary("torch.adaptive_avg_pool2d", x, rest.c_str()));
}

GraphValue TorchScriptGraph::globalAvgPool(GraphValue x) {
    return let(unary("torch.adaptive_avg_pool2d", x, ", [1, 1]"));
}

GraphValue TorchScriptGraph::globalMaxPool(GraphValue x) {
    return let(unary("torch.amax", x, ", [2, 3], True"));
}

GraphValue TorchScriptGraph::flatten(GraphValue x) {
    return let(unary("torch.flatten", x, ", 1"));
}

GraphValue TorchScriptGraph::linear(GraphValue x, const std::string& prefix) {
    const std::string bias = prefix + ".bias";
    std::string call = "torch.linear(";
    call += name(x);
    call += ", ";
    call += attribute(prefix + ".weight");
    call += ", ";
    call += has(bias) ? attribute(bias) : std::string("None");
    call += ")";
    return let(call);
}

GraphValue TorchScriptGraph::channelLinear(GraphValue x, const std::string& prefix) {
    // torchvision's own order (permute, Linear, permute back): the same arithmetic.
    const std::string bias = prefix + ".bias";
    std::string call = "torch.linear(";
    call += name(x);
    call += ".permute([0, 2, 3, 1]), ";
    call += attribute(prefix + ".weight");
    call += ", ";
    call += has(bias) ? attribute(bias) : std::string("None");
    call += ").permute([0, 3, 1, 2])";
    return let(call);
}

GraphValue TorchScriptGraph::channelLayerNorm(GraphValue x, const std::string& prefix, double eps) {
    const std::int64_t channels = parameter(prefix + ".weight").size(0);
    std::string call = "torch.layer_norm(";
    call += name(x);
    call += ".permute([0, 2, 3, 1]), [";
    call += std::to_string(channels);
    call += "], ";
    call += attribute(prefix + ".weight");
    call += ", ";
    call += attribute(prefix + ".bias");
    call += ", ";
    call += floatLiteral(eps);
    call += ").permute([0, 3, 1, 2])";
    return let(call);
}

GraphValue TorchScriptGraph::channelScale(GraphValue x, const std::string& key) {
    std::string expression = attribute(key);
    expression += " * ";
    expression += name(x);
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

} // namespace tstudio::modelexport
