#pragma once

#include <string>
#include <vector>

#include <QAbstractTableModel>

#include "core/training/training_events.h"

namespace tstudio::ui {

/** The per-class table of an evaluation: precision, recall, F1 and support, one row a class. */
class ClassMetricsModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Class, Precision, Recall, F1, Support, ColumnCount };
    /** The raw number of a cell (for sorting and tests). */
    static constexpr int kValueRole = Qt::UserRole + 1;

    explicit ClassMetricsModel(QObject* parent = nullptr);

    void setMetrics(std::vector<training::ClassMetrics> metrics, std::vector<std::string> classes);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<training::ClassMetrics> m_metrics;
    std::vector<std::string> m_classes;
};

} // namespace tstudio::ui
