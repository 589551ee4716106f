#pragma once

// A small project over real image files in a temporary folder, for the project tests.

#include <filesystem>

#include "core/data/dataset_opener.h"
#include "core/project/project.h"

namespace tstudio::test {

/**
 * Opens the loose images in folder (written by the caller) as an unlabeled dataset and labels,
 * splits and excludes some of them: classes "ant" and "bee", image i labelled i % 3 (2: left
 * unlabeled), image 1 excluded, train/val alternating; a non-default config and one run.
 */
inline project::Project labelledProject(const std::filesystem::path& folder) {
    project::Project p;
    p.dataset.dataset = std::move(data::openDataset(folder, {}, /*unlabeled=*/true)).value();
    data::Dataset& d = p.dataset.dataset;
    d.addClass("ant");
    d.addClass("bee");
    for (std::size_t i = 0; i < d.size(); ++i) {
        d.relabel(i, i % 3 == 2 ? data::kUnlabeled : static_cast<int>(i % 3));
        d.setSplit(i, i % 2 == 0 ? data::Split::Train : data::Split::Val);
    }
    d.setExcluded(1, true);
    p.dataset.recipe = data::SplitRecipe{{0.8, 0.2, 0.0}, 99};
    p.config.arch = "resnet18";
    p.config.epochs = 7;
    p.config.optimizer.lr = 3e-4;
    p.config.seed = 0xfedcba9876543210ull;
    training::TrainingSummary summary;
    summary.bestEpoch = 2;
    summary.bestValAccuracy = 0.75;
    summary.epochsRun = 2;
    summary.bundle = folder / "runs" / "model.tsmodel";
    for (int e = 1; e <= 2; ++e) {
        training::EpochMetrics m;
        m.epoch = e;
        m.trainLoss = 1.0 / e;
        m.valAccuracy = 0.5 + 0.125 * e;
        m.valLoss = 0.9 / e;
        summary.history.push_back(m);
    }
    p.runs.push_back(project::makeRunRecord(p.config, summary));
    return p;
}

} // namespace tstudio::test
