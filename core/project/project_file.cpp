#include "core/project/project_file.h"

#include <algorithm>

#include <QFile>

#include "core/common/atomic_file.h"
#include "core/common/file_extension.h"
#include "core/data/dataset_opener.h"
#include "core/project/project_json.h"

namespace tstudio::project {

namespace fs = std::filesystem;

namespace {

/** Far beyond any real project (a million labelled images is ~150 MB): refuse before reading. */
constexpr qint64 kMaxProjectBytes = qint64{1} << 30;

} // namespace

bool isProjectFile(const fs::path& path) {
    return lowercaseExtension(path) == kProjectExtension;
}

Status saveProject(const Project& project, const fs::path& file) {
    const QByteArray bytes = projectToJson(project, file);
    return writeFileAtomically(
        file, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

std::vector<fs::path> missingImages(const data::Dataset& dataset) {
    std::vector<fs::path> missing;
    for (const data::Sample& sample : dataset.samples()) {
        std::error_code ec;
        if (!sample.inMemory() && !fs::is_regular_file(sample.path, ec)) {
            missing.push_back(sample.path);
        }
    }
    return missing;
}

Result<OpenedProject> openProject(const fs::path& file) {
    QFile in(QString::fromStdString(file.string()));
    if (!in.open(QIODevice::ReadOnly)) {
        return fail(file.string() + ": cannot be opened (" + in.errorString().toStdString() + ")");
    }
    if (in.size() > kMaxProjectBytes) {
        return fail(file.string() + ": " + std::to_string(in.size() >> 20) +
                    " MB is too large for a project file.");
    }
    const QByteArray bytes = in.readAll();
    if (in.error() != QFileDevice::NoError) {
        return fail(file.string() + ": read error (" + in.errorString().toStdString() + ")");
    }
    auto project = projectFromJson(bytes, fs::absolute(file));
    if (!project) {
        return fail(file.string() + ": " + project.message());
    }
    OpenedProject opened;
    opened.project = std::move(project).value();
    opened.missingImages = missingImages(opened.project.dataset.dataset);
    return opened;
}

Result<data::Dataset> openTrainingData(const fs::path& path, const data::ScanControl& control,
                                       bool unlabeled) {
    if (!isProjectFile(path)) {
        return data::openDataset(path, control, unlabeled);
    }
    auto opened = openProject(path);
    if (!opened) {
        return opened.error();
    }
    return std::move(opened->project.dataset.dataset);
}

} // namespace tstudio::project
