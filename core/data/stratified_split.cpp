#include "core/data/stratified_split.h"

#include "core/common/seeded_shuffle.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
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

/** Fractions must be non-negative, give train a share and sum to 1. */
Status checkFractions(const SplitFractions& f) {
    if (f.train <= 0 || f.val < 0 || f.test < 0 || std::abs(f.train + f.val + f.test - 1) > 1e-6) {
        return fail("Split fractions must be non-negative, give train a share and add up to 1 "
                    "(got train " +
                    std::to_string(f.train) + ", val " + std::to_string(f.val) + ", test " +
                    std::to_string(f.test) + ").");
    }
    return success();
}

/** Splits the labelled samples whose split is from, class by class. */
void splitByClass(Dataset& dataset, Split from, const SplitFractions& f, std::uint64_t seed) {
    std::vector<std::vector<std::size_t>> perClass(dataset.classes().size());
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        const Sample& sample = dataset.sample(i);
        if (sample.usable() && sample.split == from) {
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
        seededShuffle(members, rng);
        const auto [val, test] = holdOut(members.size(), f);
        for (std::size_t k = 0; k < members.size(); ++k) {
            dataset.setSplit(members[k], k < val          ? Split::Val
                                         : k < val + test ? Split::Test
                                                          : Split::Train);
        }
    }
}

std::size_t total(const std::vector<std::size_t>& counts) {
    return std::accumulate(counts.begin(), counts.end(), std::size_t{0});
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

} // namespace

Status applyStratifiedSplit(Dataset& dataset, const SplitFractions& f, std::uint64_t seed) {
    if (auto status = checkFractions(f); !status) {
        return status;
    }
    splitByClass(dataset, Split::None, f, seed);
    return success();
}

Result<std::string> completeSplit(Dataset& dataset, const SplitFractions& f, std::uint64_t seed,
                                  SplitWithoutTrain withoutTrain) {
    if (auto status = checkFractions(f); !status) {
        return status.error();
    }
    const std::string recipe = number(f.train) + "/" + number(f.val) + "/" + number(f.test) +
                               " by class with seed " + std::to_string(seed);
    if (!dataset.hasSplit()) {
        splitByClass(dataset, Split::None, f, seed);
        return "The dataset had no split: split it " + recipe + ".";
    }
    const std::size_t train = total(dataset.countPerClass(Split::Train));
    const std::size_t labelled = total(dataset.countPerClass());
    if (train == 0 && labelled > 0) {
        const std::string holds = describeSplit(dataset);
        if (withoutTrain == SplitWithoutTrain::Fail) {
            return fail(ErrorKind::Dataset,
                        "The dataset's own split has no training images (" + holds +
                            "). To train on them, split them anew: `tstudio data split --val 0.2 "
                            "--out split.json " +
                            dataset.root().string() +
                            "`, then train on split.json; or apply a split on the Data page.");
        }
        for (std::size_t i = 0; i < dataset.size(); ++i) {
            dataset.setSplit(i, Split::None);
        }
        splitByClass(dataset, Split::None, f, seed);
        return "The dataset's own split had no training images (" + holds + "): split them " +
               recipe + ".";
    }
    if (train == 0 || total(dataset.countPerClass(Split::Val)) > 0) {
        return std::string();
    }
    if (f.val <= 0) {
        return std::string("The dataset has no validation split and the validation fraction is "
                           "0: epochs report no validation accuracy.");
    }
    // Keras' validation_split: the fraction is of the training images, the rest stays as it is.
    splitByClass(dataset, Split::Train, {1 - f.val, f.val, 0.0}, seed);
    const std::size_t val = total(dataset.countPerClass(Split::Val));
    return "The dataset has no validation split: held out " + number(f.val * 100) +
           " % of each class's training images as validation (" + std::to_string(val) + " of " +
           std::to_string(train) + ", by class with seed " + std::to_string(seed) + ").";
}

std::string describeSplit(const Dataset& dataset) {
    std::string text = std::to_string(total(dataset.countPerClass())) + " labelled images: " +
                       std::to_string(total(dataset.countPerClass(Split::Train))) + " train, " +
                       std::to_string(total(dataset.countPerClass(Split::Val))) + " validation, " +
                       std::to_string(total(dataset.countPerClass(Split::Test))) + " test";
    if (const std::size_t unsplit = total(dataset.countPerClass(Split::None)); unsplit > 0) {
        text += ", " + std::to_string(unsplit) + " in no split";
    }
    return text;
}

} // namespace tstudio::data
