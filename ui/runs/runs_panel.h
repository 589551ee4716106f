#pragma once

#include <vector>

#include <QWidget>

#include "core/project/project.h"

class QAction;
class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace tstudio::ui {

class ProjectState;
class RunComparisonModel;
class RunCurvesPlot;
class RunDeletion;
class RunHistoryModel;

/**
 * The project's runs and their comparison: the run list (sortable, several runs selectable,
 * Ctrl+A selects all; double-click opens a run's folder), and for the selected runs their loss
 * and accuracy curves overlaid and their settings side by side, differences highlighted (with
 * "Only differences"). Delete (the button or the key) deletes the selected runs after asking;
 * not while a run trains, since a continued run writes into the folder of one in the list.
 */
class RunsPanel final : public QWidget {
    Q_OBJECT

public:
    explicit RunsPanel(ProjectState* project, QWidget* parent = nullptr);

    /** The selected runs, oldest first. */
    std::vector<project::RunRecord> selectedRuns() const;

    RunHistoryModel* historyModel() const { return m_history; }
    QTableView* runList() const { return m_list; }
    RunComparisonModel* comparisonModel() const { return m_comparison; }
    RunCurvesPlot* curves() const { return m_curves; }
    RunDeletion* deletion() const { return m_deletion; }
    QAction* deleteAction() const { return m_delete; }

private:
    QWidget* buildComparison();
    void showSelection();
    void updateDeleteAction();

    ProjectState* m_project = nullptr;
    RunHistoryModel* m_history = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_list = nullptr;
    RunComparisonModel* m_comparison = nullptr;
    QTableView* m_settings = nullptr;
    QCheckBox* m_onlyDifferences = nullptr;
    RunCurvesPlot* m_curves = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_hint = nullptr;
    RunDeletion* m_deletion = nullptr;
    QAction* m_delete = nullptr;
};

} // namespace tstudio::ui
