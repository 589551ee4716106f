#include "ui/runs/runs_panel.h"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include "ui/models/run_comparison_model.h"
#include "ui/models/run_history_model.h"
#include "ui/project/project_state.h"
#include "ui/runs/run_curves_plot.h"
#include "ui/runs/run_deletion.h"

namespace tstudio::ui {

RunsPanel::RunsPanel(ProjectState* project, QWidget* parent) : QWidget(parent), m_project(project) {
    m_history = new RunHistoryModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_history);
    m_sorted->setSortRole(RunHistoryModel::SortRole);
    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("runHistory"));
    m_list->setModel(m_sorted);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(RunHistoryModel::Started, Qt::DescendingOrder); // newest first
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setToolTip(tr("Select runs to compare them (Ctrl+A: all). Double-click a run to open "
                          "its folder."));

    m_deletion = new RunDeletion(m_project, this, this);
    m_delete = new QAction(tr("&Delete Runs…"), this);
    m_delete->setObjectName(QStringLiteral("deleteRuns"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_delete->setToolTip(tr("Delete the selected runs and their folders (asks first)"));
    addAction(m_delete);
    auto* deleteButton = new QToolButton(this);
    deleteButton->setDefaultAction(m_delete);
    deleteButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(new QLabel(tr("Select two or more runs to compare them."), this), 1);
    listRow->addWidget(deleteButton);
    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(listRow);
    listLayout->addWidget(m_list, 1);

    m_hint = new QLabel(tr("Select runs in the list above: their loss and accuracy curves and "
                           "their settings appear here."),
                        this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(buildComparison());

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("runsSplitter"));
    splitter->addWidget(listPane);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_project, &ProjectState::runsChanged, this, [this] {
        m_history->setRuns(m_project->runs());
        showSelection();
    });
    connect(m_project, &ProjectState::trainingChanged, this, &RunsPanel::updateDeleteAction);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunsPanel::showSelection);
    connect(m_list, &QTableView::activated, this, [](const QModelIndex& index) {
        const QString bundle = index.data(RunHistoryModel::BundlePathRole).toString();
        if (!bundle.isEmpty()) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(bundle).path()));
        }
    });
    connect(m_delete, &QAction::triggered, this,
            [this] { m_deletion->deleteRuns(selectedRuns()); });
    connect(m_deletion, &RunDeletion::runningChanged, this, &RunsPanel::updateDeleteAction);
    m_history->setRuns(m_project->runs());
    showSelection();
}

QWidget* RunsPanel::buildComparison() {
    m_curves = new RunCurvesPlot(this);

    m_comparison = new RunComparisonModel(this);
    m_settings = new QTableView(this);
    m_settings->setObjectName(QStringLiteral("runSettings"));
    m_settings->setModel(m_comparison);
    m_settings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_settings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_settings->verticalHeader()->hide();
    m_settings->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_settings->horizontalHeader()->setStretchLastSection(true);
    m_onlyDifferences = new QCheckBox(tr("Only &differences"), this);
    m_onlyDifferences->setObjectName(QStringLiteral("onlyDifferences"));
    m_onlyDifferences->setToolTip(tr("Show only the settings in which the selected runs differ"));
    connect(m_onlyDifferences, &QCheckBox::toggled, this, [this](bool only) {
        m_comparison->setOnlyDifferences(only);
        m_settings->resizeColumnsToContents();
    });
    auto* settingsPane = new QWidget(this);
    auto* settingsLayout = new QVBoxLayout(settingsPane);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    settingsLayout->addWidget(m_onlyDifferences);
    settingsLayout->addWidget(m_settings, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("comparisonSplitter"));
    splitter->addWidget(m_curves);
    splitter->addWidget(settingsPane);
    // The settings table asks for all its columns' width; the curves get the larger share.
    splitter->setSizes({600, 400});
    return splitter;
}

std::vector<project::RunRecord> RunsPanel::selectedRuns() const {
    std::vector<int> rows;
    for (const QModelIndex& index : m_list->selectionModel()->selectedRows()) {
        rows.push_back(m_sorted->mapToSource(index).row());
    }
    std::sort(rows.begin(), rows.end());
    std::vector<project::RunRecord> runs;
    runs.reserve(rows.size());
    for (int row : rows) {
        runs.push_back(m_history->run(row));
    }
    return runs;
}

void RunsPanel::showSelection() {
    const std::vector<project::RunRecord> runs = selectedRuns();
    m_curves->setRuns(runs);
    m_comparison->setRuns(runs);
    m_settings->resizeColumnsToContents();
    m_stack->setCurrentIndex(runs.empty() ? 0 : 1);
    updateDeleteAction();
}

void RunsPanel::updateDeleteAction() {
    m_delete->setEnabled(!m_project->isTraining() && !m_deletion->isRunning() &&
                         m_list->selectionModel()->hasSelection());
}

} // namespace tstudio::ui
