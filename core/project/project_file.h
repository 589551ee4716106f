#pragma once

// Public, torch-free: `*.tsproj` files on disk.

#include <filesystem>
#include <vector>

#include "core/common/result.h"
#include "core/data/scan_control.h"
#include "core/project/project.h"

namespace tstudio::project {

/** The extension of project files. */
inline constexpr const char* kProjectExtension = ".tsproj";

/** True when path names a project file (by its extension). */
bool isProjectFile(const std::filesystem::path& path);

/** project written to file atomically: a crash leaves the old file or the new one. Any thread. */
Status saveProject(const Project& project, const std::filesystem::path& file);

struct OpenedProject {
    Project project;
    /** Image files the project labels that are not on disk any more. They keep their labels in
        the project (nothing is dropped); training leaves them out and says so. */
    std::vector<std::filesystem::path> missingImages;
};

/** Reads a project file (see projectFromJson for what fails), and lists its missing images. */
Result<OpenedProject> openProject(const std::filesystem::path& file);

/**
 * What `tstudio train --data`, `evaluate --data` and `data inspect` read: the dataset of a
 * project file, or any dataset data::openDataset opens. Blocking; any thread.
 */
Result<data::Dataset> openTrainingData(const std::filesystem::path& path,
                                       const data::ScanControl& control = {},
                                       bool unlabeled = false);

/** The file samples of dataset whose image is not on disk. */
std::vector<std::filesystem::path> missingImages(const data::Dataset& dataset);

} // namespace tstudio::project
