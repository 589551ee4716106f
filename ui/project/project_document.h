#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUndoStack>

#include "core/project/autosave.h"

namespace tstudio::ui {

class BackgroundJob;
class ProjectState;

/**
 * The open project as a document: which file it is (or untitled), whether it has unsaved edits,
 * and the work of opening, saving and autosaving it — all off the GUI thread, each reported by
 * a signal. Every edit of the ProjectState marks the document modified and, a few seconds
 * later, writes the autosave (core/project/autosave.h) that a crashed session is recovered
 * from; a save or a clean close removes it. Lives on the GUI thread.
 */
class ProjectDocument final : public QObject {
    Q_OBJECT

public:
    explicit ProjectDocument(ProjectState* state, QObject* parent = nullptr,
                             std::filesystem::path autosaveDir = project::defaultAutosaveDir());
    /** Discards the autosave (a clean close); waits for an autosave being written, if any. */
    ~ProjectDocument() override;

    ProjectState* state() const { return m_state; }
    /** The project's edit history (ui/labeling/label_commands.h). Cleared whenever the dataset
        is replaced as a whole (open, new, recover, a dataset opened or split anew): its commands
        name samples by index. */
    QUndoStack* undoStack() { return &m_undo; }
    /** The project file; empty while untitled. */
    const QString& filePath() const { return m_filePath; }
    /** The file's name without folder and extension, or "Untitled". */
    QString displayName() const;
    bool isModified() const { return m_modified; }
    /**
     * Unsaved edits that would be lost: any in a project with a file, and label work (labels,
     * classes, exclusions, added images) in an untitled one. An untitled project that only
     * opened a folder and changed settings is restored at the next start anyway (the last
     * dataset and the settings are remembered), so closing it does not ask.
     */
    bool hasWorkToSave() const;
    /** An open or a save is running. */
    bool isBusy() const { return m_busy; }

    /** An empty untitled project (keeping the training settings as defaults for the next). */
    void newProject();
    /** Starts reading path; opened() or failed() follows. The current project stays until the
        new one has been read. */
    void open(const QString& path);
    /** Saves to filePath() (Save As when untitled is the caller's job); saved() or failed(). */
    void save();
    void saveAs(const QString& path);
    /** Makes the current state a new untitled project, unsaved (a dataset just opened). */
    void startUntitled();

    /** Autosaves left behind by sessions that did not end cleanly. */
    std::vector<project::Recoverable> recoverable() const;
    /** Opens a recoverable autosave as the current project: its original file name, unsaved.
        The old autosave is removed once this session's own autosave holds the edits. */
    Status recover(const project::Recoverable& recoverable);
    /** Forgets a recoverable autosave the person declined. */
    static void discard(const project::Recoverable& recoverable);

    /** Milliseconds from an edit to its autosave (default 3000). */
    void setAutosaveDelay(int milliseconds);
    /** The current autosave file; empty when none is written. */
    std::filesystem::path autosaveFile() const;

    /** Recently opened or saved projects, newest first, that still exist. */
    static QStringList recentProjects();

Q_SIGNALS:
    void modifiedChanged(bool modified);
    /** hasWorkToSave() or displayName() may have changed. */
    void titleChanged();
    void filePathChanged(const QString& path);
    void busyChanged(bool busy);
    /** A project was read and is now the current one; missing lists images not on disk. */
    void opened(const QString& path, const QStringList& missing);
    void saved(const QString& path);
    /** An autosave was written (tests wait for it). */
    void autosaved();
    void failed(const QString& message);

private:
    struct Autosave;
    void onEdited();
    void writeAutosave();
    void setModified(bool modified);
    void setFilePath(const QString& path);
    void setBusy(bool busy);
    /** Sets the state from a project without counting it as an edit. */
    void adopt(project::Project project);
    static void remember(const QString& path);

    ProjectState* m_state = nullptr;
    QString m_filePath;
    bool m_modified = false;
    bool m_busy = false;
    bool m_adopting = false;
    bool m_labelWork = false;       ///< label edits since the last save, open or new
    std::uint64_t m_generation = 0; ///< counts edits: a save is clean only if none came after
    BackgroundJob* m_openJob;
    BackgroundJob* m_saveJob;
    BackgroundJob* m_autosaveJob;
    QTimer m_autosaveTimer;
    QUndoStack m_undo;
    bool m_autosaveRunning = false;
    bool m_autosaveAgain = false;
    std::shared_ptr<Autosave> m_autosave;
    std::optional<project::Recoverable> m_discardAfterAutosave;
};

} // namespace tstudio::ui
