#pragma once

#include <array>
#include <vector>

#include <QAbstractTableModel>
#include <QString>

#include "core/data/split.h"

namespace tstudio::data {
class Dataset;
}

namespace tstudio::ui {

/**
 * Images per class and split of a dataset, one row per class in the dataset's class order:
 * Class, Train, Val, Test, No split, Total. Read-only; setDataset() updates the counts in place
 * when the classes are the same and resets the model when they are not.
 */
class ClassCountModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Class, Train, Val, Test, NoSplit, Total, ColumnCount };
    enum Role {
        CountRole = Qt::UserRole + 1, ///< the count as qint64 (count columns only)
    };

    explicit ClassCountModel(QObject* parent = nullptr);

    void setDataset(const data::Dataset& dataset);
    /** Images in split over every class (data::Split::None: no split yet). */
    qint64 splitTotal(data::Split split) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        std::array<qint64, data::kSplitCount> perSplit{}; ///< indexed by data::Split
        qint64 total = 0;
    };
    qint64 count(const Row& row, int column) const;

    std::vector<Row> m_rows;
};

} // namespace tstudio::ui
