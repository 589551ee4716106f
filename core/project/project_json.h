#pragma once

// Public, torch-free: the project as JSON — the `*.tsproj` format (see FORMAT.md beside this).

#include <filesystem>
#include <string>

#include <QByteArray>
#include <QJsonObject>

#include "core/common/result.h"
#include "core/project/project.h"

namespace tstudio::project {

/** The format version this build writes, and the newest it reads. */
inline constexpr int kProjectFormatVersion = 1;

/**
 * project as the bytes of a `.tsproj` file saved at projectFile (whose folder makes the dataset's
 * root relative, so a project moved together with its images still finds them). Any thread.
 */
QByteArray projectToJson(const Project& project, const std::filesystem::path& projectFile);

/**
 * Reads projectToJson's output, from any earlier format version (each is migrated step by step
 * to the current one). Fails, naming what is wrong, on bytes that are not JSON, a file that is
 * not a project, a newer format version than this build reads (instead of dropping what it does
 * not know), and on a damaged dataset or configuration. Any thread; never throws.
 */
Result<Project> projectFromJson(const QByteArray& bytes, const std::filesystem::path& projectFile);

/** The object projectToJson writes, for files that embed a project (the autosave). */
QJsonObject projectToJsonObject(const Project& project, const std::filesystem::path& projectFile);
/** projectFromJson of an object. */
Result<Project> projectFromJsonObject(QJsonObject json, const std::filesystem::path& projectFile);

} // namespace tstudio::project
