#include "ui/models/backbone_table_model.h"

#include <QLocale>

#include "core/models/registry.h"
#include "core/weights/hub_cache.h"

namespace tstudio::ui {

namespace {
const std::vector<models::BackboneInfo>& registry() {
    return models::backboneRegistry();
}

QString formatParameters(int64_t count) {
    return QLocale().toString(static_cast<double>(count) / 1e6, 'f', 1) + QStringLiteral(" M");
}
} // namespace

BackboneTableModel::BackboneTableModel(QObject* parent) : QAbstractTableModel(parent) {
    m_cachedPaths.resize(registry().size());
    refresh();
}

int BackboneTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(registry().size());
}

int BackboneTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackboneTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& info = registry()[static_cast<size_t>(index.row())];
    const QString& cached = m_cachedPaths[static_cast<size_t>(index.row())];
    if (role == ArchRole) {
        return QString::fromStdString(info.name);
    }
    if (role == CachedWeightsPathRole) {
        return cached;
    }
    if (role == WeightsStateRole) {
        return static_cast<int>(stateOf(index.row()));
    }
    if (role == Qt::TextAlignmentRole) {
        const bool numeric =
            index.column() == Parameters || index.column() == InputSize || index.column() == Top1;
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    if (role == Qt::ToolTipRole && index.column() == WeightsStatus) {
        switch (stateOf(index.row())) {
        case WeightsState::InCache:
            return cached;
        case WeightsState::Downloadable:
        case WeightsState::Downloading:
            return tr("Not in the cache; can be downloaded from %1")
                .arg(QString::fromStdString(info.weights.url));
        case WeightsState::Missing:
            return tr("Not in the cache and no official source: choose a local file %1")
                .arg(QString::fromStdString(info.weights.fileName));
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Name:
        return QString::fromStdString(info.displayName);
    case Family:
        return QString::fromStdString(info.family);
    case Parameters:
        return formatParameters(info.parameterCount);
    case InputSize:
        return QStringLiteral("%1 px").arg(info.defaultInputSize);
    case Top1:
        return QString(QLocale().toString(info.imagenetTop1, 'f', 1) + QStringLiteral(" %"));
    case WeightsStatus:
        switch (stateOf(index.row())) {
        case WeightsState::InCache:
            return tr("in cache");
        case WeightsState::Downloadable:
            return tr("downloadable");
        case WeightsState::Missing:
            return tr("missing");
        case WeightsState::Downloading:
            return m_downloadPercent < 0 ? tr("downloading…")
                                         : tr("downloading %1 %").arg(m_downloadPercent);
        }
        return {};
    default:
        return {};
    }
}

QVariant BackboneTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Name:
        return tr("Backbone");
    case Family:
        return tr("Family");
    case Parameters:
        return tr("Parameters");
    case InputSize:
        return tr("Input");
    case Top1:
        return tr("ImageNet top-1");
    case WeightsStatus:
        return tr("Weights");
    default:
        return {};
    }
}

int BackboneTableModel::rowOf(const QString& arch) const {
    for (size_t row = 0; row < registry().size(); ++row) {
        if (QString::fromStdString(registry()[row].name) == arch) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

BackboneTableModel::WeightsState BackboneTableModel::stateOf(int row) const {
    if (row == m_downloadRow) {
        return WeightsState::Downloading;
    }
    if (!m_cachedPaths[static_cast<size_t>(row)].isEmpty()) {
        return WeightsState::InCache;
    }
    return registry()[static_cast<size_t>(row)].weights.url.empty() ? WeightsState::Missing
                                                                    : WeightsState::Downloadable;
}

void BackboneTableModel::emitStatusChanged(int row) {
    if (row >= 0) {
        Q_EMIT dataChanged(index(row, WeightsStatus), index(row, WeightsStatus));
    }
}

void BackboneTableModel::setDownloadProgress(const QString& arch, int percent) {
    const int row = rowOf(arch);
    if (row != m_downloadRow) {
        clearDownload();
    }
    m_downloadRow = row;
    m_downloadPercent = percent;
    emitStatusChanged(row);
}

void BackboneTableModel::clearDownload() {
    const int row = m_downloadRow;
    m_downloadRow = -1;
    m_downloadPercent = -1;
    emitStatusChanged(row);
}

void BackboneTableModel::refresh() {
    for (size_t row = 0; row < registry().size(); ++row) {
        const auto path = weights::cachedOfficialWeights(registry()[row]);
        m_cachedPaths[row] = path ? QString::fromStdString(path->string()) : QString();
    }
    if (!m_cachedPaths.empty()) {
        Q_EMIT dataChanged(index(0, WeightsStatus), index(rowCount() - 1, WeightsStatus));
    }
}

} // namespace tstudio::ui
