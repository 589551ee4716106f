#include "core/training/optimizer_state.h"

#include <map>
#include <memory>
#include <sstream>
#include <type_traits>

namespace tstudio::training {

namespace optim = torch::optim;

namespace {

/** The optimizer's key for a parameter: 1.13 keys its state by the TensorImpl's address printed
    as a string, 2.x by the address itself. */
template <typename AnyOptimizer>
auto stateKey(AnyOptimizer& optimizer, const torch::Tensor& parameter) {
    using Key = typename std::remove_cvref_t<decltype(optimizer.state())>::key_type;
    void* impl = parameter.unsafeGetTensorImpl();
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream text;
        text << impl;
        return text.str();
    } else {
        return static_cast<Key>(impl);
    }
}

std::vector<torch::Tensor> parametersOf(optim::Optimizer& optimizer) {
    std::vector<torch::Tensor> out;
    for (auto& group : optimizer.param_groups()) {
        for (auto& p : group.params()) {
            out.push_back(p);
        }
    }
    return out;
}

/** The tensor fields of one parameter's state, by name (undefined ones left out). */
std::map<std::string, torch::Tensor> fieldsOf(optim::OptimizerParamState& state,
                                              std::int64_t& step) {
    std::map<std::string, torch::Tensor> fields;
    const auto add = [&](const char* name, const torch::Tensor& t) {
        if (t.defined()) {
            fields.emplace(name, t);
        }
    };
    if (auto* adamW = dynamic_cast<optim::AdamWParamState*>(&state)) {
        step = adamW->step();
        add("exp_avg", adamW->exp_avg());
        add("exp_avg_sq", adamW->exp_avg_sq());
        add("max_exp_avg_sq", adamW->max_exp_avg_sq());
    } else if (auto* adam = dynamic_cast<optim::AdamParamState*>(&state)) {
        step = adam->step();
        add("exp_avg", adam->exp_avg());
        add("exp_avg_sq", adam->exp_avg_sq());
        add("max_exp_avg_sq", adam->max_exp_avg_sq());
    } else if (auto* rms = dynamic_cast<optim::RMSpropParamState*>(&state)) {
        step = rms->step();
        add("square_avg", rms->square_avg());
        add("momentum_buffer", rms->momentum_buffer());
        add("grad_avg", rms->grad_avg());
    } else if (auto* sgd = dynamic_cast<optim::SGDParamState*>(&state)) {
        add("momentum_buffer", sgd->momentum_buffer());
    }
    return fields;
}

/** A fresh state of the optimizer's kind from fields; null for a field the kind has not. */
template <typename State>
std::unique_ptr<optim::OptimizerParamState> adamState(std::map<std::string, torch::Tensor>& fields,
                                                      std::int64_t step) {
    auto state = std::make_unique<State>();
    state->step(step);
    state->exp_avg(fields["exp_avg"]);
    state->exp_avg_sq(fields["exp_avg_sq"]);
    state->max_exp_avg_sq(fields["max_exp_avg_sq"]);
    return state;
}

Result<std::unique_ptr<optim::OptimizerParamState>>
makeState(optim::Optimizer& optimizer, std::map<std::string, torch::Tensor> fields,
          std::int64_t step) {
    const auto allowed = [&](std::initializer_list<const char*> names,
                             std::initializer_list<const char*> required) -> Status {
        for (const auto& [name, t] : fields) {
            if (std::find_if(names.begin(), names.end(),
                             [&](const char* n) { return name == n; }) == names.end()) {
                return fail("a field \"" + name + "\" this optimizer does not keep");
            }
        }
        for (const char* name : required) {
            if (fields.count(name) == 0) {
                return fail(std::string("no \"") + name + "\"");
            }
        }
        return success();
    };
    if (dynamic_cast<optim::AdamW*>(&optimizer) != nullptr ||
        dynamic_cast<optim::Adam*>(&optimizer) != nullptr) {
        if (auto status =
                allowed({"exp_avg", "exp_avg_sq", "max_exp_avg_sq"}, {"exp_avg", "exp_avg_sq"});
            !status) {
            return status.error();
        }
        if (dynamic_cast<optim::AdamW*>(&optimizer) != nullptr) {
            return adamState<optim::AdamWParamState>(fields, step);
        }
        return adamState<optim::AdamParamState>(fields, step);
    }
    if (dynamic_cast<optim::RMSprop*>(&optimizer) != nullptr) {
        if (auto status = allowed({"square_avg", "momentum_buffer", "grad_avg"}, {"square_avg"});
            !status) {
            return status.error();
        }
        auto state = std::make_unique<optim::RMSpropParamState>();
        state->step(step);
        state->square_avg(fields["square_avg"]);
        state->momentum_buffer(fields["momentum_buffer"]);
        state->grad_avg(fields["grad_avg"]);
        return std::unique_ptr<optim::OptimizerParamState>(std::move(state));
    }
    if (auto status = allowed({"momentum_buffer"}, {}); !status) {
        return status.error();
    }
    auto state = std::make_unique<optim::SGDParamState>();
    state->momentum_buffer(fields["momentum_buffer"]);
    return std::unique_ptr<optim::OptimizerParamState>(std::move(state));
}

} // namespace

OptimizerState saveOptimizerState(optim::Optimizer& optimizer) {
    OptimizerState out;
    const std::vector<torch::Tensor> params = parametersOf(optimizer);
    for (std::size_t k = 0; k < params.size(); ++k) {
        const auto it = optimizer.state().find(stateKey(optimizer, params[k]));
        if (it == optimizer.state().end()) {
            continue; // not stepped yet (a frozen parameter, or before the first step)
        }
        std::int64_t step = -1;
        for (const auto& [name, t] : fieldsOf(*it->second, step)) {
            out.tensors.emplace_back(std::to_string(k) + "." + name,
                                     t.detach().to(torch::kCPU, /*non_blocking=*/false,
                                                   /*copy=*/true));
        }
        if (step >= 0) {
            out.steps.insert(QString::number(k), static_cast<qint64>(step));
        }
    }
    return out;
}

Status loadOptimizerState(optim::Optimizer& optimizer, const OptimizerState& state) {
    const std::vector<torch::Tensor> params = parametersOf(optimizer);
    std::map<std::size_t, std::map<std::string, torch::Tensor>> byParameter;
    for (const auto& [name, tensor] : state.tensors) {
        const auto dot = name.find('.');
        std::size_t k = 0;
        std::istringstream index(name.substr(0, dot));
        if (dot == std::string::npos || !(index >> k) || !index.eof() || k >= params.size()) {
            return fail("optimizer state \"" + name + "\" names no parameter of this run");
        }
        if (!tensor.is_floating_point() || tensor.sizes() != params[k].sizes()) {
            return fail("optimizer state \"" + name + "\" does not have its parameter's shape");
        }
        byParameter[k][name.substr(dot + 1)] =
            tensor.to(params[k].device(), params[k].scalar_type()).clone();
    }
    std::vector<std::pair<std::size_t, std::unique_ptr<optim::OptimizerParamState>>> built;
    for (auto& [k, fields] : byParameter) {
        const qint64 step = state.steps.value(QString::number(k)).toInteger(0);
        if (step < 0) {
            return fail("a negative step count in the optimizer state");
        }
        auto made = makeState(optimizer, std::move(fields), step);
        if (!made) {
            return fail("optimizer state of parameter " + std::to_string(k) + ": " +
                        made.message());
        }
        built.emplace_back(k, std::move(*made));
    }
    optimizer.state().clear();
    for (auto& [k, made] : built) {
        optimizer.state()[stateKey(optimizer, params[k])] = std::move(made);
    }
    return success();
}

} // namespace tstudio::training
