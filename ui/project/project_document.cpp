#include "ui/project/project_document.h"

#include <mutex>

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include "core/project/project_file.h"
#include "ui/common/background_job.h"
#include "ui/common/settings_keys.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {

constexpr int kDefaultAutosaveMs = 3000;

QString fromPath(const std::filesystem::path& path) {
    return QString::fromStdString(path.string());
}

} // namespace

/** The autosave slot, shared with the write running on the pool: one write at a time. */
struct ProjectDocument::Autosave {
    explicit Autosave(std::filesystem::path dir) : slot(std::move(dir)) {}
    std::mutex mutex;
    project::AutosaveSlot slot;
};

ProjectDocument::ProjectDocument(ProjectState* state, QObject* parent,
                                 std::filesystem::path autosaveDir)
    : QObject(parent), m_state(state), m_openJob(new BackgroundJob(this)),
      m_saveJob(new BackgroundJob(this)), m_autosaveJob(new BackgroundJob(this)),
      m_autosave(std::make_shared<Autosave>(std::move(autosaveDir))) {
    for (BackgroundJob* job : {m_openJob, m_saveJob}) {
        connect(job, &BackgroundJob::failed, this, [this](const QString& message) {
            setBusy(m_openJob->isRunning() || m_saveJob->isRunning());
            Q_EMIT failed(message);
        });
    }
    connect(m_autosaveJob, &BackgroundJob::failed, this, [this](const QString& message) {
        m_autosaveRunning = false;
        Q_EMIT failed(message);
    });
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(kDefaultAutosaveMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &ProjectDocument::writeAutosave);
    connect(m_state, &ProjectState::edited, this, &ProjectDocument::onEdited);
    connect(m_state, &ProjectState::datasetChanged, &m_undo, &QUndoStack::clear);
    const auto labelWork = [this] {
        if (!m_adopting && !m_labelWork) {
            m_labelWork = true;
            Q_EMIT titleChanged();
        }
    };
    connect(m_state, &ProjectState::samplesChanged, this, labelWork);
    connect(m_state, &ProjectState::samplesAdded, this, labelWork);
    connect(m_state, &ProjectState::samplesRemoved, this, labelWork);
    connect(m_state, &ProjectState::classesChanged, this, labelWork);
}

bool ProjectDocument::hasWorkToSave() const {
    return m_modified && (!m_filePath.isEmpty() || m_labelWork);
}

ProjectDocument::~ProjectDocument() {
    // A clean close: nothing to recover. The lock waits only for a write already under way.
    std::lock_guard lock(m_autosave->mutex);
    m_autosave->slot.discard();
}

QString ProjectDocument::displayName() const {
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).completeBaseName();
}

void ProjectDocument::setAutosaveDelay(int milliseconds) {
    m_autosaveTimer.setInterval(milliseconds);
}

std::filesystem::path ProjectDocument::autosaveFile() const {
    std::lock_guard lock(m_autosave->mutex);
    return m_autosave->slot.file();
}

void ProjectDocument::onEdited() {
    if (m_adopting) {
        return;
    }
    ++m_generation;
    setModified(true);
    m_autosaveTimer.start();
}

void ProjectDocument::writeAutosave() {
    if (!m_modified) {
        return;
    }
    if (m_autosaveRunning) {
        m_autosaveAgain = true; // one more when this one is done: it holds older edits
        return;
    }
    m_autosaveRunning = true;
    // The copy is the only GUI-thread work: serialising and writing run on the pool.
    m_autosaveJob->start(
        [autosave = m_autosave, project = m_state->snapshot(),
         file = m_filePath.toStdString()](JobControl&) -> Status {
            std::lock_guard lock(autosave->mutex);
            return autosave->slot.write(project, file);
        },
        [this](Done) {
            m_autosaveRunning = false;
            if (m_discardAfterAutosave) {
                project::discardRecoverable(*m_discardAfterAutosave);
                m_discardAfterAutosave.reset();
            }
            Q_EMIT autosaved();
            if (std::exchange(m_autosaveAgain, false)) {
                writeAutosave();
            }
        });
}

void ProjectDocument::setModified(bool modified) {
    if (modified == m_modified) {
        return;
    }
    m_modified = modified;
    if (!modified) {
        m_labelWork = false;
    }
    Q_EMIT modifiedChanged(modified);
    Q_EMIT titleChanged();
}

void ProjectDocument::setFilePath(const QString& path) {
    if (path == m_filePath) {
        return;
    }
    m_filePath = path;
    Q_EMIT filePathChanged(path);
    Q_EMIT titleChanged();
}

void ProjectDocument::setBusy(bool busy) {
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void ProjectDocument::adopt(project::Project project) {
    m_adopting = true;
    m_state->setProject(std::move(project));
    m_adopting = false;
    ++m_generation;
}

void ProjectDocument::newProject() {
    project::Project empty;
    empty.config = m_state->config(); // the settings carry over as the next project's defaults
    adopt(std::move(empty));
    m_autosaveTimer.stop();
    {
        std::lock_guard lock(m_autosave->mutex);
        m_autosave->slot.discard();
    }
    setFilePath({});
    setModified(false);
}

void ProjectDocument::startUntitled() {
    setFilePath({});
    ++m_generation;
    setModified(true);
    m_autosaveTimer.start();
}

void ProjectDocument::open(const QString& path) {
    setBusy(true);
    m_openJob->start(
        [file = path.toStdString()](JobControl&) { return project::openProject(file); },
        [this, path](project::OpenedProject read) {
            setBusy(m_saveJob->isRunning());
            adopt(read.project);
            m_autosaveTimer.stop();
            {
                std::lock_guard lock(m_autosave->mutex);
                m_autosave->slot.discard();
            }
            setFilePath(QFileInfo(path).absoluteFilePath());
            setModified(false);
            remember(m_filePath);
            QStringList missing;
            for (const auto& image : read.missingImages) {
                missing.append(fromPath(image));
            }
            Q_EMIT opened(m_filePath, missing);
        });
}

void ProjectDocument::save() {
    if (m_filePath.isEmpty()) {
        Q_EMIT failed(tr("The project has no file yet: use Save As."));
        return;
    }
    saveAs(m_filePath);
}

void ProjectDocument::saveAs(const QString& path) {
    QString target = QFileInfo(path).absoluteFilePath();
    if (!project::isProjectFile(target.toStdString())) {
        target += QString::fromLatin1(project::kProjectExtension);
    }
    setBusy(true);
    const std::uint64_t generation = m_generation;
    m_saveJob->start([project = m_state->snapshot(), file = target.toStdString()](
                         JobControl&) { return project::saveProject(project, file); },
                     [this, target, generation](Done) {
                         setBusy(m_openJob->isRunning());
                         setFilePath(target);
                         remember(target);
                         if (generation == m_generation) {
                             // Nothing changed while writing: the file holds everything.
                             m_autosaveTimer.stop();
                             std::lock_guard lock(m_autosave->mutex);
                             m_autosave->slot.discard();
                             setModified(false);
                         }
                         Q_EMIT saved(target);
                     });
}

std::vector<project::Recoverable> ProjectDocument::recoverable() const {
    std::filesystem::path dir;
    {
        std::lock_guard lock(m_autosave->mutex);
        dir = m_autosave->slot.directory();
    }
    return project::findRecoverable(dir);
}

Status ProjectDocument::recover(const project::Recoverable& recoverable) {
    auto recovered = project::recoverProject(recoverable);
    if (!recovered) {
        return recovered.error();
    }
    adopt(std::move(recovered).value());
    setFilePath(recoverable.original.empty() ? QString() : fromPath(recoverable.original));
    ++m_generation;
    m_labelWork = true; // recovered edits are work to save, titled or not
    setModified(true);
    Q_EMIT titleChanged();
    // The old autosave goes once this session's own holds the same edits.
    m_discardAfterAutosave = recoverable;
    writeAutosave();
    return success();
}

void ProjectDocument::discard(const project::Recoverable& recoverable) {
    project::discardRecoverable(recoverable);
}

void ProjectDocument::remember(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(settings_keys::recentProjects()).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > settings_keys::kRecentProjects) {
        recent.removeLast();
    }
    settings.setValue(settings_keys::recentProjects(), recent);
    settings.setValue(settings_keys::lastProject(), path);
}

QStringList ProjectDocument::recentProjects() {
    QStringList recent;
    for (const QString& path : QSettings().value(settings_keys::recentProjects()).toStringList()) {
        if (QFileInfo::exists(path)) {
            recent.append(path);
        }
    }
    return recent;
}

} // namespace tstudio::ui
