#include "core/inference/weight_inspection.h"

#include <algorithm>

#include <torch/torch.h>

#include "core/models/factory.h"
#include "core/weights/state_dict.h"

namespace tstudio::inference {

namespace {
std::string dtypeName(const torch::Tensor& tensor) {
    // c10's names are "float", "long", ...: say what Python's torch would print instead.
    switch (tensor.scalar_type()) {
    case torch::kFloat32:
        return "float32";
    case torch::kFloat64:
        return "float64";
    case torch::kFloat16:
        return "float16";
    case torch::kBFloat16:
        return "bfloat16";
    case torch::kInt64:
        return "int64";
    case torch::kInt32:
        return "int32";
    case torch::kInt16:
        return "int16";
    case torch::kInt8:
        return "int8";
    case torch::kUInt8:
        return "uint8";
    case torch::kBool:
        return "bool";
    default:
        return std::string(c10::toString(tensor.scalar_type()));
    }
}

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}
} // namespace

Result<WeightFileSummary> inspectWeightFile(const std::filesystem::path& path,
                                            const std::string& arch) {
    auto dict = weights::readStateDict(path);
    if (!dict) {
        return dict.error();
    }
    WeightFileSummary summary;
    for (const auto& [key, tensor] : *dict) {
        ++summary.tensorCount;
        summary.elementCount += tensor.numel();
        ++summary.tensorsPerDtype[dtypeName(tensor)];
        if (summary.firstKeys.size() < 5) {
            summary.firstKeys.push_back(key);
        }
    }
    if (arch.empty()) {
        return summary;
    }
    auto backbone = models::createBackbone(arch, 1000);
    if (!backbone) {
        return backbone.error();
    }
    const weights::LoadReport report = weights::compareStateDict(*backbone.value(), *dict);
    summary.arch = arch;
    summary.matched = report.matched;
    summary.missing = static_cast<int64_t>(report.missing.size());
    summary.unexpected = static_cast<int64_t>(report.unexpected.size());
    summary.mismatched = static_cast<int64_t>(report.mismatched.size());
    summary.fitsArch = report.clean();
    // A file for another number of classes differs only in the head: still a good backbone.
    const std::string head = backbone.value()->headPath() + ".";
    const auto outsideHead = [&head](const std::string& key) {
        return !startsWith(key, head);
    };
    summary.backboneFits =
        report.matched > 0 &&
        std::none_of(report.missing.begin(), report.missing.end(), outsideHead) &&
        std::none_of(report.unexpected.begin(), report.unexpected.end(), outsideHead) &&
        std::none_of(report.mismatched.begin(), report.mismatched.end(),
                     [&](const weights::ShapeMismatch& m) { return outsideHead(m.key); });
    summary.report = report.summary();
    return summary;
}

} // namespace tstudio::inference
