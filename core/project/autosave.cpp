#include "core/project/autosave.h"

#include <algorithm>
#include <atomic>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

#include "core/common/atomic_file.h"
#include "core/project/project_json.h"

namespace tstudio::project {

namespace fs = std::filesystem;

namespace {

const QString kAutosaveFormat = QStringLiteral("tstudio-autosave");
constexpr const char* kAutosaveExtension = ".tsautosave";

fs::path lockFileOf(const fs::path& autosave) {
    return autosave.string() + ".lock";
}

std::unique_ptr<QLockFile> makeLock(const fs::path& autosave) {
    auto lock = std::make_unique<QLockFile>(QString::fromStdString(lockFileOf(autosave).string()));
    // Only a dead owner makes a lock stale: a live session may go minutes between writes.
    lock->setStaleLockTime(0);
    return lock;
}

std::string nowUtc() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

} // namespace

fs::path defaultAutosaveDir() {
    // Qt's per-application data folder: tests running in QStandardPaths' test mode get their
    // own, away from the person's autosaves.
    return fs::path(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
                        .toStdString()) /
           "autosave";
}

AutosaveSlot::AutosaveSlot(fs::path dir) : m_dir(std::move(dir)) {}

AutosaveSlot::~AutosaveSlot() {
    discard();
}

Status AutosaveSlot::write(const Project& project, const fs::path& projectFile) {
    if (m_file.empty()) {
        std::error_code ec;
        fs::create_directories(m_dir, ec);
        static std::atomic<int> counter{0};
        const std::string name = QDateTime::currentDateTimeUtc()
                                     .toString(QStringLiteral("yyyyMMdd-HHmmss"))
                                     .toStdString() +
                                 "-" + std::to_string(QCoreApplication::applicationPid()) + "-" +
                                 std::to_string(counter++) + kAutosaveExtension;
        auto lock = makeLock(m_dir / name);
        if (!lock->tryLock(0)) {
            return fail("The autosave folder " + m_dir.string() +
                        " cannot be written: edits are not autosaved.");
        }
        m_file = m_dir / name;
        m_lock = std::move(lock);
    }
    QJsonObject envelope;
    envelope[QStringLiteral("format")] = kAutosaveFormat;
    envelope[QStringLiteral("version")] = 1;
    envelope[QStringLiteral("original")] = QString::fromStdString(projectFile.string());
    envelope[QStringLiteral("savedAt")] = QString::fromStdString(nowUtc());
    envelope[QStringLiteral("project")] = projectToJsonObject(project, projectFile);
    const QByteArray bytes = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    return writeFileAtomically(
        m_file, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

void AutosaveSlot::discard() {
    if (m_file.empty()) {
        return;
    }
    std::error_code ec;
    fs::remove(m_file, ec);
    m_lock.reset(); // unlocks: removes the lock file
    m_file.clear();
}

namespace {

/** The envelope of an autosave file; null when it is not one. */
QJsonObject readEnvelope(const fs::path& file) {
    QFile in(QString::fromStdString(file.string()));
    if (!in.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
    return json[QStringLiteral("format")].toString() == kAutosaveFormat ? json : QJsonObject();
}

} // namespace

std::vector<Recoverable> findRecoverable(const fs::path& dir) {
    std::vector<Recoverable> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() != kAutosaveExtension) {
            continue;
        }
        // Taking the lock succeeds only when its owner has ended: then the autosave is orphaned.
        auto lock = makeLock(entry.path());
        if (!lock->tryLock(0)) {
            continue;
        }
        const QJsonObject envelope = readEnvelope(entry.path());
        lock->unlock();
        if (envelope.isEmpty()) {
            continue;
        }
        found.push_back({entry.path(),
                         envelope[QStringLiteral("original")].toString().toStdString(),
                         envelope[QStringLiteral("savedAt")].toString().toStdString()});
    }
    std::sort(found.begin(), found.end(),
              [](const Recoverable& a, const Recoverable& b) { return a.savedAt > b.savedAt; });
    return found;
}

Result<Project> recoverProject(const Recoverable& recoverable) {
    const QJsonObject envelope = readEnvelope(recoverable.autosave);
    if (envelope.isEmpty()) {
        return fail(recoverable.autosave.string() + ": not a readable autosave.");
    }
    auto project =
        projectFromJsonObject(envelope[QStringLiteral("project")].toObject(), recoverable.original);
    if (!project) {
        return fail(recoverable.autosave.string() + ": " + project.message());
    }
    return project;
}

void discardRecoverable(const Recoverable& recoverable) {
    std::error_code ec;
    fs::remove(recoverable.autosave, ec);
    fs::remove(lockFileOf(recoverable.autosave), ec);
}

} // namespace tstudio::project
