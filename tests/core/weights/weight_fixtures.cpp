#include "weight_fixtures.h"

namespace tstudio::test {

std::filesystem::path weightFixture(const std::string& name) {
    return std::filesystem::path(TSTUDIO_SOURCE_DIR) / "tests/core/weights/fixtures" / name;
}

weights::StateDict referenceTensors() {
    const auto f32 = torch::kFloat32;
    const torch::Tensor base = torch::arange(10, f32) * 0.5;
    const torch::Tensor flat = torch::arange(6, f32) - 2.0;
    const torch::Tensor grid = torch::arange(12, f32).reshape({3, 4});
    return {
        {"f32", torch::arange(12, f32).reshape({3, 4}) * 0.25 - 1.0},
        {"f64", torch::arange(6, torch::kFloat64).reshape({2, 3}) / 3.0},
        {"f16", torch::tensor({0.5, -1.25, 2.0, 1024.0}).to(torch::kFloat16)},
        {"bf16", torch::tensor({1.0, -2.5, 0.15625, 256.0}).to(torch::kBFloat16)},
        {"i64", torch::tensor({-(int64_t{1} << 40), int64_t{0}, int64_t{1} << 62, int64_t{-1}})},
        {"i32", torch::tensor({-7, 0, 2147483647}, torch::kInt32)},
        {"i16", torch::tensor({-32768, 32767}, torch::kInt16)},
        {"i8", torch::tensor({-128, 127}, torch::kInt8)},
        {"u8", torch::tensor({0, 1, 255}, torch::kUInt8)},
        {"bool", torch::tensor({true, false, true})},
        {"base", base},
        {"view", base.slice(0, 3, 7)},
        {"shared_flat", flat},
        {"shared_2x3", flat.view({2, 3})},
        {"transposed", grid.t()},
        {"stepped", torch::arange(20, f32).slice(0, 0, 20, 3)},
        {"scalar", torch::tensor(3.5f)},
        {"empty", torch::zeros({0, 4})},
        {"param", torch::tensor({{1.5f, -1.5f}})},
        {"bn.num_batches_tracked", torch::tensor(int64_t{7})},
    };
}

torch::Tensor findTensor(const weights::StateDict& dict, const std::string& key) {
    for (const auto& [name, tensor] : dict) {
        if (name == key) {
            return tensor;
        }
    }
    return {};
}

std::string compareDicts(const weights::StateDict& actual, const weights::StateDict& expected) {
    if (actual.size() != expected.size()) {
        return "size " + std::to_string(actual.size()) + " != " + std::to_string(expected.size());
    }
    for (std::size_t i = 0; i < actual.size(); ++i) {
        const auto& [key, tensor] = actual[i];
        const auto& [wantKey, want] = expected[i];
        if (key != wantKey) {
            return "key " + std::to_string(i) + ": " + key + " != " + wantKey;
        }
        if (tensor.scalar_type() != want.scalar_type() || tensor.sizes() != want.sizes() ||
            !torch::equal(tensor, want)) {
            std::ostringstream text;
            text << key << ": got " << tensor << " want " << want;
            return text.str();
        }
    }
    return {};
}

} // namespace tstudio::test
