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
        WeightsStateRole,            ///< WeightsState (int)
    };
    /** Where the backbone's official weights stand. */
    enum class WeightsState {
        InCache,      ///< the official file is in the hub cache
        Downloadable, ///< not in the cache; the registry knows where to fetch it
        Missing,      ///< not in the cache and no known source: only a local file will do
        Downloading,  ///< a download is running (setDownloadProgress)
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

    /** Shows a running download of arch's weights (percent 0-100, or -1 when the size is not
        known yet); clearDownload() ends it (call refresh() after a finished one). */
    void setDownloadProgress(const QString& arch, int percent);
    void clearDownload();

private:
    WeightsState stateOf(int row) const;
    void emitStatusChanged(int row);

    std::vector<QString> m_cachedPaths; ///< per row: official file in the cache, or empty
    int m_downloadRow = -1;
    int m_downloadPercent = -1;
};

} // namespace tstudio::ui
