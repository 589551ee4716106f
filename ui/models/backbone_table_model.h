#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace tstudio::ui {

/**
 * The backbone registry as a table: one row per backbone with its facts and whether its
 * official weights are in the hub cache. Read-only; refresh() re-checks the cache.
 */
class BackboneTableModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Family, Parameters, InputSize, Top1, WeightsStatus, ColumnCount };
    enum Role {
        ArchRole = Qt::UserRole + 1, ///< registry key, e.g. "mobilenet_v2" (QString)
        CachedWeightsPathRole,       ///< path of the official file in the hub cache, or empty
    };

    explicit BackboneTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /** Row of the backbone named arch, or -1. */
    int rowOf(const QString& arch) const;

    /** Re-checks the hub cache for every backbone; emits dataChanged for the status column. */
    void refresh();

private:
    std::vector<QString> m_cachedPaths; ///< per row: official file in the cache, or empty
};

} // namespace tstudio::ui
