#include "core/weights/state_dict.h"

#include <algorithm>
#include <unordered_map>

#include "core/weights/weight_messages.h"

namespace tstudio::weights {

namespace {

constexpr std::size_t kKeysShown = 5;

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        text += (i ? ", " : "") + std::to_string(shape[i]);
    }
    return text + "]";
}

std::string keyList(const std::vector<std::string>& keys) {
    std::string text;
    for (std::size_t i = 0; i < keys.size() && i < kKeysShown; ++i) {
        text += (i ? ", " : "") + keys[i];
    }
    if (keys.size() > kKeysShown) {
        return fillMessage(text::kMoreKeys, {text, std::to_string(keys.size() - kKeysShown)});
    }
    return text;
}

} // namespace

std::string LoadReport::summary() const {
    const auto total = matched + static_cast<int64_t>(missing.size() + mismatched.size());
    std::string summary =
        fillMessage(text::kTensorsMatch, {std::to_string(matched), std::to_string(total)});
    // One line per list, each a template of its own: a window translates them line by line.
    const auto addLine = [&summary](const char* line, const std::vector<std::string>& args) {
        summary += '\n';
        summary += fillMessage(line, args);
    };
    if (!missing.empty()) {
        addLine(text::kMissingKeys, {std::to_string(missing.size()), keyList(missing)});
    }
    if (!keptOwn.empty()) {
        addLine(text::kOptionalKept, {std::to_string(keptOwn.size()), keyList(keptOwn)});
    }
    if (!unexpected.empty()) {
        addLine(text::kUnexpectedKeys, {std::to_string(unexpected.size()), keyList(unexpected)});
    }
    if (!mismatched.empty()) {
        std::string shapes;
        for (std::size_t i = 0; i < mismatched.size() && i < kKeysShown; ++i) {
            const ShapeMismatch& m = mismatched[i];
            if (i > 0) {
                shapes += ", ";
            }
            shapes += fillMessage(text::kModelAndFileShape,
                                  {m.key, shapeText(m.modelShape), shapeText(m.fileShape)});
        }
        if (mismatched.size() > kKeysShown) {
            shapes += ", ...";
        }
        addLine(text::kDifferentShape, {std::to_string(mismatched.size()), shapes});
    }
    return summary;
}

LoadReport compareStateDict(const torch::nn::Module& module, const StateDict& dict) {
    LoadReport report;
    std::unordered_map<std::string, const torch::Tensor*> inFile;
    for (const auto& [key, tensor] : dict) {
        inFile[key] = &tensor;
    }
    std::unordered_map<std::string, bool> inModel;
    for (const auto& [key, tensor] : stateDictOf(module)) {
        inModel[key] = true;
        const auto it = inFile.find(key);
        if (it == inFile.end()) {
            report.missing.push_back(key);
        } else if (it->second->sizes() != tensor.sizes()) {
            report.mismatched.push_back({key, tensor.sizes().vec(), it->second->sizes().vec()});
        } else {
            ++report.matched;
        }
    }
    for (const auto& [key, tensor] : dict) {
        if (!inModel.count(key)) {
            report.unexpected.push_back(key);
        }
    }
    return report;
}

Result<LoadReport> loadStateDict(torch::nn::Module& module, const StateDict& dict,
                                 LoadPolicy policy,
                                 const std::vector<std::string>& optionalModules) {
    LoadReport report = compareStateDict(module, dict);
    const auto optional = [&](const std::string& key) {
        return std::any_of(
            optionalModules.begin(), optionalModules.end(), [&](const std::string& path) {
                return key.size() > path.size() && key.starts_with(path) && key[path.size()] == '.';
            });
    };
    const auto kept = std::stable_partition(report.missing.begin(), report.missing.end(),
                                            [&](const std::string& key) { return !optional(key); });
    report.keptOwn.assign(kept, report.missing.end());
    report.missing.erase(kept, report.missing.end());
    if (policy == LoadPolicy::Strict && !report.clean()) {
        return fail(fillMessage(text::kDoNotFit, {report.summary()}));
    }
    if (report.matched == 0 && !dict.empty()) {
        return fail(fillMessage(text::kNoneFit, {report.summary()}));
    }
    std::unordered_map<std::string, const torch::Tensor*> inFile;
    for (const auto& [key, tensor] : dict) {
        inFile[key] = &tensor;
    }
    try {
        torch::NoGradGuard noGrad;
        for (auto& [key, target] : stateDictOf(module)) {
            const auto it = inFile.find(key);
            if (it != inFile.end() && it->second->sizes() == target.sizes()) {
                target.copy_(*it->second); // converts dtype and device
            }
        }
    } catch (const c10::Error& error) {
        return fail(fillMessage(text::kLoadFailed, {error.what_without_backtrace()}));
    }
    return report;
}

} // namespace tstudio::weights
