#include "core/data/stratified_split.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace tstudio::data {

namespace {

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text) {
        hash = (hash ^ c) * 1099511628211ull;
    }
    return hash;
}

/** Uniform in [0, bound) by rejection: std::uniform_int_distribution differs between libraries. */
std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t value = rng();
    while (value >= limit) {
        value = rng();
    }
    return value % bound;
}

/** Sizes of val and test for a class of n samples. */
std::pair<std::size_t, std::size_t> holdOut(std::size_t n, const SplitFractions& f) {
    auto val = static_cast<std::size_t>(std::llround(static_cast<double>(n) * f.val));
    auto test = static_cast<std::size_t>(std::llround(static_cast<double>(n) * f.test));
    // Small classes: rounding must not leave a requested split or train empty.
    if (n >= 2 && f.val > 0 && val == 0) {
        val = 1;
    }
    if (n >= 3 && f.test > 0 && test == 0) {
        test = 1;
    }
    while (n > 0 && val + test >= n && val + test > 0) {
        (test > val ? test : val) -= 1;
    }
    return {val, test};
}

} // namespace

Status applyStratifiedSplit(Dataset& dataset, const SplitFractions& f, std::uint64_t seed) {
    if (f.train <= 0 || f.val < 0 || f.test < 0 || std::abs(f.train + f.val + f.test - 1) > 1e-6) {
        return fail("Split fractions must be non-negative, give train a share and add up to 1 "
                    "(got train " +
                    std::to_string(f.train) + ", val " + std::to_string(f.val) + ", test " +
                    std::to_string(f.test) + ").");
    }
    std::vector<std::vector<std::size_t>> perClass(dataset.classes().size());
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        const Sample& sample = dataset.sample(i);
        if (sample.label >= 0 && sample.split == Split::None) {
            perClass[static_cast<std::size_t>(sample.label)].push_back(i);
        }
    }
    for (std::size_t c = 0; c < perClass.size(); ++c) {
        auto& members = perClass[c];
        std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            const Sample& x = dataset.sample(a);
            const Sample& y = dataset.sample(b);
            return std::tie(x.path, x.record) < std::tie(y.path, y.record);
        });
        std::mt19937_64 rng(seed ^ fnv1a(dataset.classes()[c]));
        for (std::size_t i = members.size(); i > 1; --i) {
            std::swap(members[i - 1], members[uniformBelow(rng, i)]);
        }
        const auto [val, test] = holdOut(members.size(), f);
        for (std::size_t k = 0; k < members.size(); ++k) {
            dataset.setSplit(members[k], k < val          ? Split::Val
                                         : k < val + test ? Split::Test
                                                          : Split::Train);
        }
    }
    return success();
}

} // namespace tstudio::data
