#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "core/project/project.h"

namespace tstudio::ui {

/**
 * The project's run history, one row per run, oldest first: Started, Backbone, Mode, Epochs,
 * Best val. accuracy (and its epoch), Test accuracy, Ended (finished, early stopping, stopped
 * by the user), Bundle. Read-only; setRuns() appends rows when the old runs are unchanged
 * (a run just finished) and resets otherwise (a project opened).
 */
class RunHistoryModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Started,
        Backbone,
        Mode,
        Epochs,
        BestAccuracy,
        TestAccuracy,
        Ended,
        Bundle,
        ColumnCount
    };
    enum Role {
        BundlePathRole = Qt::UserRole + 1, ///< the run's .tsmodel (any column)
        SortRole,                          ///< numbers as numbers, dates as text
    };

    explicit RunHistoryModel(QObject* parent = nullptr);

    void setRuns(const std::vector<project::RunRecord>& runs);
    const project::RunRecord& run(int row) const { return m_runs[static_cast<std::size_t>(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<project::RunRecord> m_runs;
};

} // namespace tstudio::ui
