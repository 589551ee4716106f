#include "core/project/project_json.h"

#include <functional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tstudio::project {

namespace fs = std::filesystem;

namespace {

const QString kFormat = QStringLiteral("tstudio-project");

QString key(const char* name) {
    return QString::fromLatin1(name);
}

/**
 * Migrations, one per format version: kMigrations[v - 1] turns a version v object into a
 * version v + 1 one. A new version appends its step here and in FORMAT.md; readers never need
 * to know old layouts anywhere else.
 */
const std::vector<std::function<Status(QJsonObject&)>> kMigrations = {};
static_assert(kProjectFormatVersion == 1, "add the migration from the previous version");

Status migrate(QJsonObject& json, int from) {
    for (int version = from; version < kProjectFormatVersion; ++version) {
        if (auto status = kMigrations[static_cast<std::size_t>(version - 1)](json); !status) {
            return status;
        }
        json[key("version")] = version + 1;
    }
    return success();
}

QJsonObject runToJson(const RunRecord& run) {
    return {{key("startedAt"), QString::fromStdString(run.startedAt)},
            {key("config"), training::toJson(run.config)},
            {key("summary"), training::toJson(run.summary)}};
}

Result<RunRecord> runFromJson(const QJsonObject& json, std::size_t index) {
    RunRecord run;
    run.startedAt = json[key("startedAt")].toString().toStdString();
    auto config = training::trainingConfigFromJson(json[key("config")].toObject());
    if (!config) {
        return fail("run " + std::to_string(index + 1) + ": " + config.message());
    }
    run.config = std::move(config).value();
    run.summary = training::trainingSummaryFromJson(json[key("summary")].toObject());
    return run;
}

/** The dataset's root as saved, or beside the project when only that one exists. */
fs::path resolveRoot(const QJsonObject& json, const fs::path& projectFile) {
    const fs::path saved = data::datasetRootIn(json[key("dataset")].toObject());
    std::error_code ec;
    if (saved.empty() || fs::exists(saved, ec) || !json.contains(key("datasetRootRelative"))) {
        return {};
    }
    const fs::path moved =
        (projectFile.parent_path() / json[key("datasetRootRelative")].toString().toStdString())
            .lexically_normal();
    return fs::exists(moved, ec) ? moved : fs::path();
}

} // namespace

QByteArray projectToJson(const Project& project, const fs::path& projectFile) {
    return QJsonDocument(projectToJsonObject(project, projectFile)).toJson(QJsonDocument::Indented);
}

QJsonObject projectToJsonObject(const Project& project, const fs::path& projectFile) {
    QJsonObject json;
    json[key("format")] = kFormat;
    json[key("version")] = kProjectFormatVersion;
    json[key("dataset")] = data::datasetToJsonObject(project.dataset);
    const fs::path root = project.dataset.dataset.root();
    if (!root.empty() && !projectFile.empty()) {
        const fs::path base = fs::absolute(projectFile).parent_path();
        json[key("datasetRootRelative")] =
            QString::fromStdString(fs::absolute(root).lexically_relative(base).string());
    }
    json[key("config")] = training::toJson(project.config);
    QJsonArray runs;
    for (const RunRecord& run : project.runs) {
        runs.append(runToJson(run));
    }
    json[key("runs")] = runs;
    return json;
}

Result<Project> projectFromJson(const QByteArray& bytes, const fs::path& projectFile) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (doc.isNull() || !doc.isObject()) {
        return fail("This is not a Transfer Studio project: it is not valid JSON (" +
                    error.errorString().toStdString() + " at byte " + std::to_string(error.offset) +
                    "). The file may be truncated or damaged.");
    }
    return projectFromJsonObject(doc.object(), projectFile);
}

Result<Project> projectFromJsonObject(QJsonObject json, const fs::path& projectFile) {
    if (json[key("format")].toString() != kFormat) {
        return fail("This is not a Transfer Studio project (no \"format\": \"tstudio-project\").");
    }
    const int version = json[key("version")].toInt(0);
    if (version > kProjectFormatVersion) {
        return fail("This project was saved by a newer Transfer Studio (project format " +
                    std::to_string(version) + "; this version reads formats up to " +
                    std::to_string(kProjectFormatVersion) +
                    "). Open it with that version or a later one; nothing was changed.");
    }
    if (version < 1) {
        return fail("The project file has no valid format version; it is damaged.");
    }
    if (auto status = migrate(json, version); !status) {
        return status.error();
    }
    Project project;
    auto dataset = data::datasetFromJsonObject(json[key("dataset")].toObject(),
                                               resolveRoot(json, projectFile));
    if (!dataset) {
        return fail("The project's dataset cannot be read: " + dataset.message());
    }
    project.dataset = std::move(dataset).value();
    auto config = training::trainingConfigFromJson(json[key("config")].toObject());
    if (!config) {
        return fail("The project's training settings cannot be read: " + config.message());
    }
    project.config = std::move(config).value();
    const QJsonArray runs = json[key("runs")].toArray();
    for (qsizetype i = 0; i < runs.size(); ++i) {
        auto run = runFromJson(runs[i].toObject(), static_cast<std::size_t>(i));
        if (!run) {
            return fail("The project's run history cannot be read: " + run.message());
        }
        project.runs.push_back(std::move(run).value());
    }
    return project;
}

} // namespace tstudio::project
