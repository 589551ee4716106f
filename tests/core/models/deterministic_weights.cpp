#include "deterministic_weights.h"

#include <cmath>
#include <string>
#include <vector>

namespace tstudio::test {

namespace {

constexpr double kResidualGain = 0.5;
constexpr double kSeBias = 2.0;
constexpr double kInceptionGain = 1.1;

/** splitmix64's output function of seed + (i + 1) * golden, top 53 bits, as u in [0, 1). */
double unitUniform(uint64_t seed, int64_t i) {
    uint64_t z = seed + static_cast<uint64_t>(i + 1) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z = z ^ (z >> 31);
    return static_cast<double>(z >> 11) * 0x1.0p-53;
}

std::vector<std::string_view> splitKey(std::string_view key) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (true) {
        const size_t dot = key.find('.', start);
        parts.push_back(key.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos) {
            return parts;
        }
        start = dot + 1;
    }
}

double gain(const std::vector<std::string_view>& parts) {
    const std::string_view first = parts.front();
    const std::string_view module = parts.size() >= 2 ? parts[parts.size() - 2] : "";
    const bool weight = parts.back() == "weight";
    if (first.starts_with("layer") && (module == "bn2" || module == "bn3") && weight) {
        return kResidualGain;
    }
    if (first.starts_with("Mixed_") && module == "bn" && weight) {
        return kInceptionGain;
    }
    return 1.0;
}

enum class Role { Zero, RunningMean, RunningVar, LayerScale, SeBias, Bias, Scale, Weight, Other };

Role roleOf(const std::vector<std::string_view>& parts, size_t dims) {
    const std::string_view last = parts.back();
    const std::string_view module = parts.size() >= 2 ? parts[parts.size() - 2] : "";
    if (last == "num_batches_tracked") {
        return Role::Zero;
    }
    if (last == "running_mean") {
        return Role::RunningMean;
    }
    if (last == "running_var") {
        return Role::RunningVar;
    }
    if (last == "layer_scale") {
        return Role::LayerScale;
    }
    if (last == "bias") {
        return module == "fc2" ? Role::SeBias : Role::Bias;
    }
    if (last == "weight") {
        return dims == 1 ? Role::Scale : Role::Weight;
    }
    return Role::Other;
}

} // namespace

uint64_t fnv1a64(std::string_view text) {
    uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : text) {
        h ^= static_cast<uint8_t>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

torch::Tensor deterministicValues(std::string_view key, at::IntArrayRef shape,
                                  torch::ScalarType dtype) {
    const auto parts = splitKey(key);
    const Role role = roleOf(parts, shape.size());
    if (role == Role::Zero) {
        return torch::zeros(shape, torch::TensorOptions().dtype(dtype));
    }
    int64_t fanIn = 1;
    for (size_t d = 1; d < shape.size(); ++d) {
        fanIn *= shape[d];
    }
    const double heBound = std::sqrt(6.0 / static_cast<double>(fanIn));
    const double scaleGain = gain(parts);
    const uint64_t seed = fnv1a64(key);

    auto out = torch::empty(shape, torch::TensorOptions().dtype(torch::kFloat32));
    float* data = out.data_ptr<float>();
    at::parallel_for(0, out.numel(), /*grain_size=*/1 << 16, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const double u = unitUniform(seed, i);
            const double v = 2.0 * u - 1.0;
            double value = 0.0;
            switch (role) {
            case Role::Zero:
                break;
            case Role::RunningMean:
                value = 0.1 * v;
                break;
            case Role::RunningVar:
                value = 0.75 + 0.5 * u;
                break;
            case Role::LayerScale:
                value = 0.5 + 0.1 * v;
                break;
            case Role::SeBias:
                value = kSeBias + 0.1 * v;
                break;
            case Role::Bias:
            case Role::Other:
                value = 0.1 * v;
                break;
            case Role::Scale:
                value = (1.0 + 0.1 * v) * scaleGain;
                break;
            case Role::Weight:
                value = heBound * v;
                break;
            }
            data[i] = static_cast<float>(value);
        }
    });
    return out.to(dtype);
}

torch::Tensor deterministicInput(at::IntArrayRef shape) {
    const uint64_t seed = fnv1a64("input");
    const double scale = std::sqrt(3.0);
    auto out = torch::empty(shape, torch::TensorOptions().dtype(torch::kFloat32));
    float* data = out.data_ptr<float>();
    for (int64_t i = 0; i < out.numel(); ++i) {
        data[i] = static_cast<float>(scale * (2.0 * unitUniform(seed, i) - 1.0));
    }
    return out;
}

int64_t fillDeterministic(torch::nn::Module& module) {
    torch::NoGradGuard noGrad;
    int64_t written = 0;
    auto fill = [&written](const std::string& key, torch::Tensor& target) {
        target.copy_(deterministicValues(key, target.sizes(), target.scalar_type()));
        ++written;
    };
    for (auto& item : module.named_parameters(/*recurse=*/true)) {
        fill(item.key(), item.value());
    }
    for (auto& item : module.named_buffers(/*recurse=*/true)) {
        fill(item.key(), item.value());
    }
    return written;
}

} // namespace tstudio::test
