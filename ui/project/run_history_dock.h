#pragma once

#include <QDockWidget>

class QTableView;

namespace tstudio::ui {

class ProjectState;
class RunHistoryModel;
class RunsPanel;

/**
 * The project's run history in a dock (View > Run History): every finished run of the project
 * with its backbone, mode, epochs, best and test accuracy, time and how it ended; the selected
 * runs' curves overlaid and their settings compared; Delete deletes runs (see RunsPanel).
 */
class RunHistoryDock final : public QDockWidget {
    Q_OBJECT

public:
    RunHistoryDock(ProjectState* state, QWidget* parent = nullptr);

    RunsPanel* panel() const { return m_panel; }
    RunHistoryModel* model() const;
    QTableView* view() const;

private:
    RunsPanel* m_panel = nullptr;
};

} // namespace tstudio::ui
