#include "ui/project/run_history_dock.h"

#include "ui/runs/runs_panel.h"

namespace tstudio::ui {

RunHistoryDock::RunHistoryDock(ProjectState* state, QWidget* parent)
    : QDockWidget(tr("Run History"), parent) {
    setObjectName(QStringLiteral("runHistoryDock"));
    m_panel = new RunsPanel(state, this);
    setWidget(m_panel);
}

RunHistoryModel* RunHistoryDock::model() const {
    return m_panel->historyModel();
}

QTableView* RunHistoryDock::view() const {
    return m_panel->runList();
}

} // namespace tstudio::ui
