#pragma once

#include <cstddef>
#include <vector>

#include <QChar>
#include <QList>
#include <QString>
#include <QUrl>
#include <QWidget>

class QPushButton;
class QUndoStack;
class QVBoxLayout;

namespace tstudio::ui {

class ClassButton;
class ProjectState;

/**
 * The classes of the open project as buttons, each with its hotkey and its number of usable
 * images, and the class list's editing: Add Class…, and on each button's context menu (the
 * Menu key opens it from the keyboard) Rename…, Merge Into… and Delete. Every edit is a
 * ClassCommand on the undo stack; a rename to a name in use is refused with a message.
 * GUI thread.
 */
class ClassPanel final : public QWidget {
    Q_OBJECT

public:
    /** A letter reserved for another action, never a class hotkey. */
    static constexpr QChar kExcludeKey = QLatin1Char('x');
    /** The hotkey of class index: 1…9, then a…z without kExcludeKey; null beyond. */
    static QChar hotkey(int index);
    /** The class a hotkey labels with, or -1. */
    static int classOfHotkey(QChar key);

    ClassPanel(ProjectState* state, QUndoStack* undo, QWidget* parent = nullptr);

    int buttonCount() const { return static_cast<int>(m_buttons.size()); }
    ClassButton* button(int index) const { return m_buttons.value(index); }
    QPushButton* addButton() const { return m_add; }

    /** Asks for a name, then adds the class. */
    void askAddClass();
    void askRenameClass(int index);
    void askMergeClass(int index);
    /** Deletes at once (Undo brings it back): its images become unlabeled. */
    void deleteClass(int index);

    /** False (with a message) for an empty name or one in use. */
    bool addClass(const QString& name);
    bool renameClass(int index, const QString& name);
    void mergeClass(int from, int into);

Q_SIGNALS:
    /** A class button was clicked: label the selection. */
    void labelRequested(int classIndex);
    void samplesDropped(int classIndex, const std::vector<std::size_t>& samples);
    void filesDropped(int classIndex, const QList<QUrl>& urls);

private:
    void rebuild();
    void updateCounts();
    bool checkName(const QString& name, int except);

    ProjectState* m_state;
    QUndoStack* m_undo;
    QVBoxLayout* m_buttonsLayout = nullptr;
    QList<ClassButton*> m_buttons;
    QPushButton* m_add = nullptr;
};

} // namespace tstudio::ui
