#include "core/graph/fastest_forward.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include <ATen/Parallel.h>
#include <torch/version.h>

#include "core/graph/forward_choice_cache.h"

namespace tstudio::graph {

namespace {

using Clock = std::chrono::steady_clock;

/** TSTUDIO_FORWARD: "eager" or "graph" fix the choice; anything else measures. */
std::optional<bool> forcedChoice() {
    const char* value = std::getenv("TSTUDIO_FORWARD");
    if (value == nullptr) {
        return std::nullopt;
    }
    const std::string_view text(value);
    if (text == "graph") {
        return true;
    }
    if (text == "eager") {
        return false;
    }
    return std::nullopt;
}

std::string machineKey(const std::string& key, const torch::Tensor& input) {
    std::string text = key;
    text += "|";
    text += input.device().is_cuda() ? "cuda" : "cpu";
    text += "|threads ";
    text += std::to_string(at::get_num_threads());
    text += "|torch ";
    text += TORCH_VERSION;
    return text;
}

/** Seconds one call of forward takes on input, waiting for the device. */
double timeOnce(const std::function<torch::Tensor(const torch::Tensor&)>& forward,
                const torch::Tensor& input, torch::Tensor& output) {
    const auto start = Clock::now();
    output = forward(input);
    if (output.is_cuda()) {
        (void)output.sum().item<float>(); // CUDA runs asynchronously: wait for the result
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string number(const char* format, double value) {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

} // namespace

std::string ForwardChoice::text() const {
    std::string text = graph ? "frozen TorchScript graph" : "eager modules";
    if (!reason.empty()) {
        text += " (";
        text += reason;
        text += ")";
        return text;
    }
    if (!measured) {
        text += " (the faster on this machine, measured before)";
        return text;
    }
    text += ": ";
    text += number("%.1f", graph ? graphImagesPerSecond : eagerImagesPerSecond);
    text += " images/s against ";
    text += number("%.1f", graph ? eagerImagesPerSecond : graphImagesPerSecond);
    text += graph ? " eager" : " for the frozen graph";
    text += " (largest difference ";
    text += number("%.2g", largestDifference);
    text += ")";
    return text;
}

torch::jit::Module optimizedModule(const torch::jit::Module& module) {
    std::stringstream bytes;
    module.save(bytes);
    torch::jit::Module loaded = torch::jit::load(bytes);
    loaded.eval();
    torch::jit::Module frozen = torch::jit::freeze(loaded);
    return torch::jit::optimize_for_inference(frozen);
}

double allowedGraphDifference(const torch::Tensor& eagerOutput) {
    const double largest = eagerOutput.abs().max().item<double>();
    return 1e-4 * std::max(1.0, largest);
}

FastestForward::FastestForward(Forward eager) : m_eager(std::move(eager)) {}

FastestForward::FastestForward(std::string key, Forward eager, ScriptBuilder script)
    : m_key(std::move(key)), m_eager(std::move(eager)), m_script(std::move(script)) {}

torch::Tensor FastestForward::operator()(const torch::Tensor& input) {
    if (!m_script) {
        return m_eager(input);
    }
    if (!m_choice) {
        return choose(input);
    }
    if (m_graph) {
        return m_graph->forward({input}).toTensor();
    }
    return m_eager(input);
}

std::optional<torch::jit::Module> FastestForward::buildGraph() {
    try {
        torch::jit::Module module = m_script();
        module.eval();
        return optimizedModule(module);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

torch::Tensor FastestForward::choose(const torch::Tensor& input) {
    ForwardChoice choice;
    const std::string key = machineKey(m_key, input);
    std::optional<bool> decided = forcedChoice();
    if (decided) {
        choice.reason = "TSTUDIO_FORWARD";
    } else {
        decided = cachedGraphChoice(key);
    }
    if (decided) {
        choice.graph = *decided;
        if (choice.graph) {
            m_graph = buildGraph();
            if (!m_graph) {
                choice.graph = false;
                choice.reason = "the graph could not be built";
            }
        }
        m_choice = choice;
        return (*this)(input);
    }

    torch::Tensor eagerOutput = m_eager(input); // warm-up; also the reference
    m_graph = buildGraph();
    if (!m_graph) {
        choice.reason = "the graph could not be built";
        m_choice = choice;
        return eagerOutput;
    }
    torch::jit::Module& graph = *m_graph;
    const Forward runGraph = [&graph](const torch::Tensor& x) {
        return graph.forward({x}).toTensor();
    };
    torch::Tensor graphOutput;
    try {
        graphOutput = runGraph(input); // warm-up
    } catch (const std::exception&) {
        // Some optimized kernels take fewer shapes than the eager ones (MKLDNN's adaptive
        // pooling wants the input a multiple of the output: VGG below 224 px).
        choice.reason = "the frozen graph cannot run this input";
        m_graph.reset();
        m_choice = choice;
        rememberGraphChoice(key, false);
        return eagerOutput;
    }
    choice.measured = true;
    choice.largestDifference = (graphOutput.to(torch::kFloat32) - eagerOutput.to(torch::kFloat32))
                                   .abs()
                                   .max()
                                   .item<double>();
    if (!(choice.largestDifference <= allowedGraphDifference(eagerOutput.to(torch::kFloat32)))) {
        choice.reason =
            "the frozen graph's outputs differ by " + number("%.2g", choice.largestDifference);
        m_graph.reset();
        m_choice = choice;
        rememberGraphChoice(key, false);
        return eagerOutput;
    }
    // Alternating passes, the better of two each: a shared machine's noise hits both alike.
    double eagerSeconds = 1e30;
    double graphSeconds = 1e30;
    for (int round = 0; round < 2; ++round) {
        eagerSeconds = std::min(eagerSeconds, timeOnce(m_eager, input, eagerOutput));
        graphSeconds = std::min(graphSeconds, timeOnce(runGraph, input, graphOutput));
    }
    const double images = static_cast<double>(input.size(0));
    choice.eagerImagesPerSecond = images / eagerSeconds;
    choice.graphImagesPerSecond = images / graphSeconds;
    choice.graph = graphSeconds < eagerSeconds;
    if (!choice.graph) {
        m_graph.reset();
    }
    m_choice = choice;
    rememberGraphChoice(key, choice.graph);
    return choice.graph ? graphOutput : eagerOutput;
}

} // namespace tstudio::graph
