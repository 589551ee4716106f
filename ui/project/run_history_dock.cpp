#include "ui/project/run_history_dock.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QUrl>

#include "ui/models/run_history_model.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

RunHistoryDock::RunHistoryDock(ProjectState* state, QWidget* parent)
    : QDockWidget(tr("Run History"), parent), m_state(state) {
    setObjectName(QStringLiteral("runHistoryDock"));
    m_model = new RunHistoryModel(this);
    auto* sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_model);
    sorted->setSortRole(RunHistoryModel::SortRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("runHistory"));
    m_view->setModel(sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunHistoryModel::Started, Qt::DescendingOrder); // newest first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Double-click a run to open its folder"));
    setWidget(m_view);

    connect(m_state, &ProjectState::runsChanged, this,
            [this] { m_model->setRuns(m_state->runs()); });
    connect(m_view, &QTableView::activated, this, [](const QModelIndex& index) {
        const QString bundle = index.data(RunHistoryModel::BundlePathRole).toString();
        if (!bundle.isEmpty()) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(bundle).path()));
        }
    });
    m_model->setRuns(m_state->runs());
}

} // namespace tstudio::ui
