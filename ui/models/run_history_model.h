#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "core/project/project.h"

namespace tstudio::ui {

/**
 * The project's run history, one row per run, oldest first: Started, Backbone, Mode, Epochs,
 * Best val. accuracy (and its epoch), Test accuracy, Time, Ended (finished, early stopping,
 * stopped by the user), Run folder. Read-only; setRuns() appends rows when the old runs are
 * unchanged (a run just finished), removes rows when the new list is the old one with runs left
 * out (runs deleted: the other rows keep their selection), and resets otherwise (a project
 * opened).
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
        Duration,
        Ended,
        Bundle,
        ColumnCount
    };
    enum Role {
        BundlePathRole = Qt::UserRole + 1, ///< the run's .tsmodel (any column)
        SortRole,                          ///< numbers as numbers, dates as ISO text
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
    /** Removes the rows of the runs that runs leaves out; false when runs is not a subsequence
        of the current runs. */
    bool removeLeftOut(const std::vector<project::RunRecord>& runs);

    std::vector<project::RunRecord> m_runs;
};

} // namespace tstudio::ui
