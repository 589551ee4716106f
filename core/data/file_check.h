#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset_report.h"
#include "core/imaging/image_format.h"

namespace tstudio::data {

/** What one image file turned out to be. */
struct FileCheck {
    std::optional<ProblemKind> problem; ///< an unusable kind, or nullopt when the file is fine
    std::string message;                ///< why, when problem is set: "<file name>: …"
    /// message as a template of the "DatasetProblem" context and its arguments; args[0], the
    /// file, is the one a report renames (see DatasetProblem::text).
    std::string text{};
    std::vector<std::string> args{};
    imaging::ImageFormat format = imaging::ImageFormat::Unknown;
    int width = 0; ///< 0 when unknown
    int height = 0;
    std::string hash; ///< content hash; empty for missing and empty files
};

/**
 * Reads a file once: content hash, format by content, size from the header, JPEG completeness,
 * and with decode set a full decode (what training will do), so a file reported fine is a file
 * the loader reads. Any thread.
 */
FileCheck checkImageFile(const std::filesystem::path& path, bool decode);

} // namespace tstudio::data
