#pragma once

#include <QDockWidget>

class QTableView;

namespace tstudio::ui {

class ProjectState;
class RunHistoryModel;

/**
 * The project's run history in a dock (View > Run History): every finished run of the project
 * with its backbone, mode, epochs, best and test accuracy and how it ended. Double-clicking a
 * run opens its folder (bundle, checkpoint, run.log) in the file manager.
 */
class RunHistoryDock final : public QDockWidget {
    Q_OBJECT

public:
    RunHistoryDock(ProjectState* state, QWidget* parent = nullptr);

    RunHistoryModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

private:
    ProjectState* m_state = nullptr;
    RunHistoryModel* m_model = nullptr;
    QTableView* m_view = nullptr;
};

} // namespace tstudio::ui
