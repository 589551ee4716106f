#pragma once

#include <functional>

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace tstudio::ui {

class ProjectDocument;

/**
 * The File menu's project commands over a ProjectDocument: New Project (Ctrl+N), Open Project…
 * (Ctrl+O), Open Recent, Save (Ctrl+S) and Save As… (Ctrl+Shift+S), with their dialogs, the
 * "save changes?" question before anything replaces unsaved edits, the report of missing images
 * after an open, and the offer to recover what a crash left. The window adds the actions to its
 * menus; parent is the window the dialogs belong to.
 */
class ProjectFileActions final : public QObject {
    Q_OBJECT

public:
    ProjectFileActions(ProjectDocument* document, QWidget* parent);

    QAction* newProject() const { return m_new; }
    QAction* openProject() const { return m_open; }
    QMenu* recentMenu() const { return m_recent; }
    QAction* save() const { return m_save; }
    QAction* saveAs() const { return m_saveAs; }

    /**
     * Runs proceed once unsaved edits are safe: at once when there are none (hasWorkToSave),
     * else after asking
     * Save / Discard / Cancel (Save: after the save succeeded; Cancel: never).
     */
    void whenSaved(const std::function<void()>& proceed);
    /** Asks for a file and saves there; proceed (if given) runs once it is saved. */
    void chooseSaveAs(const std::function<void()>& proceed = {});
    /** Opens path as the current project, asking about unsaved edits first. */
    void openPath(const QString& path);
    /** Offers each autosave a crash left behind; true when one was recovered. */
    bool offerRecovery();

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void fillRecentMenu();
    void saveThen(const std::function<void()>& proceed);
    /** Runs proceed once the save about to start succeeds (nothing if it fails). */
    void afterNextSave(const std::function<void()>& proceed);

    ProjectDocument* m_document = nullptr;
    QWidget* m_window = nullptr;
    QAction* m_new = nullptr;
    QAction* m_open = nullptr;
    QMenu* m_recent = nullptr;
    QAction* m_save = nullptr;
    QAction* m_saveAs = nullptr;
};

} // namespace tstudio::ui
