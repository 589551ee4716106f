#include "core/training/freeze_spec.h"

#include <optional>

#include "core/common/parse_number.h"
#include "core/training/spec_text.h"

namespace tstudio::training {

namespace {

Error freezeError(std::string_view text, const std::string& why) {
    return fail("Invalid freeze spec \"" + std::string(text) + "\": " + why +
                ". Use none, all, head, last:N or custom, then ,-path / ,+path rules, e.g. "
                "\"head,+layer4\".");
}

/** The spec's first item; the error is the reason alone (freezeError adds the rest). */
Status parsePreset(std::string_view preset, FreezeSpec& freeze) {
    if (preset == "none" || preset == "custom") {
        freeze.preset = FreezeSpec::Preset::None;
    } else if (preset == "all") {
        freeze.preset = FreezeSpec::Preset::All;
    } else if (preset == "head") {
        freeze.preset = FreezeSpec::Preset::HeadOnly;
    } else if (preset.starts_with("last:")) {
        const auto n = parseNumber<int>(preset.substr(5));
        if (!n || *n < 0) {
            return fail("last:N needs a block count of 0 or more");
        }
        freeze.preset = FreezeSpec::Preset::LastBlocks;
        freeze.lastBlocks = *n;
    } else {
        return fail("unknown preset \"" + std::string(preset) + "\"");
    }
    return success();
}

} // namespace

Result<FreezeSpec> parseFreezeSpec(std::string_view text) {
    const std::vector<std::string_view> parts = splitOn(trim(text), ',');
    FreezeSpec freeze;
    if (const Status preset = parsePreset(trim(parts[0]), freeze); !preset) {
        return freezeError(text, preset.message());
    }
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string_view part = trim(parts[i]);
        if (part == "train-bn") {
            freeze.trainFrozenBatchNorm = true;
            continue;
        }
        if (part.size() < 2 || (part[0] != '-' && part[0] != '+')) {
            return freezeError(text, "rule \"" + std::string(part) +
                                         "\" must be -path (freeze) or +path (unfreeze)");
        }
        freeze.rules.push_back(FreezeRule{std::string(trim(part.substr(1))), part[0] == '-'});
    }
    return freeze;
}

std::string formatFreezeSpec(const FreezeSpec& freeze) {
    std::string text;
    switch (freeze.preset) {
    case FreezeSpec::Preset::None:
        text = freeze.rules.empty() ? "none" : "custom";
        break;
    case FreezeSpec::Preset::HeadOnly:
        text = "head";
        break;
    case FreezeSpec::Preset::LastBlocks:
        text = "last:" + std::to_string(freeze.lastBlocks);
        break;
    case FreezeSpec::Preset::All:
        text = "all";
        break;
    }
    for (const FreezeRule& rule : freeze.rules) {
        text += std::string(",") + (rule.frozen ? "-" : "+") + rule.path;
    }
    if (freeze.trainFrozenBatchNorm) {
        text += ",train-bn";
    }
    return text;
}

Result<std::vector<LrMultiplier>> parseLrMultipliers(std::string_view text) {
    std::vector<LrMultiplier> multipliers;
    text = trim(text);
    if (text.empty() || text == "none") {
        return multipliers;
    }
    for (std::string_view part : splitOn(text, ',')) {
        part = trim(part);
        const std::size_t equals = part.find('=');
        if (equals == std::string_view::npos) {
            return fail(quoted(part) + " is not PATH=FACTOR (e.g. all=0.1 or layer4=0.5)");
        }
        const std::string_view path = trim(part.substr(0, equals));
        const std::optional<double> factor = parseNumber<double>(trim(part.substr(equals + 1)));
        if (path.empty()) {
            return fail(quoted(part) + " names no module: give a path such as layer4, or all");
        }
        if (!factor || *factor < 0.0 || *factor > 100.0) {
            return fail(quoted(part) + ": the factor is a number from 0 to 100");
        }
        multipliers.push_back({path == "all" ? std::string() : std::string(path), *factor});
    }
    return multipliers;
}

std::string formatLrMultipliers(const std::vector<LrMultiplier>& multipliers) {
    std::string text;
    for (const LrMultiplier& m : multipliers) {
        text += (text.empty() ? "" : ",") + (m.path.empty() ? std::string("all") : m.path) + "=" +
                formatNumber(m.factor, 6);
    }
    return text.empty() ? "none" : text;
}

} // namespace tstudio::training
