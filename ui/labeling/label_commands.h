#pragma once

// Every labelling edit as an undoable command on a ProjectState. Push them on the document's
// QUndoStack (ProjectDocument::undoStack()); Edit > Undo names them ("Undo Label 12 Images as
// bee"). Each remembers exactly what it changed, so undo restores the state before it even
// after other edits in between were undone.

#include <cstddef>
#include <string>
#include <vector>

#include <QUndoCommand>

#include "core/data/sample.h"

namespace tstudio::ui {

class ProjectState;

/** Sets the label of samples to label (a class index, or data::kUnlabeled to clear). */
class LabelCommand final : public QUndoCommand {
public:
    LabelCommand(ProjectState* state, std::vector<std::size_t> samples, int label);
    void redo() override;
    void undo() override;

private:
    ProjectState* m_state;
    std::vector<std::size_t> m_samples;
    std::vector<int> m_before;
    std::vector<int> m_after;
};

/** Excludes samples from training (or brings them back). */
class ExcludeCommand final : public QUndoCommand {
public:
    ExcludeCommand(ProjectState* state, std::vector<std::size_t> samples, bool excluded);
    void redo() override;
    void undo() override;

private:
    ProjectState* m_state;
    std::vector<std::size_t> m_samples;
    std::vector<bool> m_before;
    std::vector<bool> m_after;
};

/** Adds images (files dropped or chosen) as new samples, each with its label (or unlabeled). */
class AddImagesCommand final : public QUndoCommand {
public:
    AddImagesCommand(ProjectState* state, std::vector<data::Sample> samples);
    void redo() override;
    void undo() override;

private:
    ProjectState* m_state;
    std::vector<data::Sample> m_samples;
};

/**
 * A change of the class list: add, rename, merge or delete. Labels follow (see data::Dataset);
 * undo puts back the class list and every sample's label as they were.
 */
class ClassCommand final : public QUndoCommand {
public:
    static ClassCommand* add(ProjectState* state, const std::string& name);
    static ClassCommand* rename(ProjectState* state, int index, const std::string& name);
    /** Moves every image of class from into class into, then drops from. */
    static ClassCommand* merge(ProjectState* state, int from, int into);
    /** Drops a class; its images become unlabeled (they stay in the project). */
    static ClassCommand* remove(ProjectState* state, int index);

    void redo() override;
    void undo() override;

private:
    enum class Kind { Add, Rename, Merge, Remove };
    ClassCommand(ProjectState* state, Kind kind, int a, int b, std::string name);

    ProjectState* m_state;
    Kind m_kind;
    int m_a;
    int m_b;
    std::string m_name;
    std::vector<std::string> m_classesBefore;
    std::vector<int> m_labelsBefore;
};

} // namespace tstudio::ui
