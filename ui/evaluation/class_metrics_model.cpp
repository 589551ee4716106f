#include "ui/evaluation/class_metrics_model.h"

#include <algorithm>

namespace tstudio::ui {

ClassMetricsModel::ClassMetricsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassMetricsModel::setMetrics(std::vector<training::ClassMetrics> metrics,
                                   std::vector<std::string> classes) {
    beginResetModel();
    m_metrics = std::move(metrics);
    m_classes = std::move(classes);
    m_classes.resize(m_metrics.size());
    endResetModel();
}

int ClassMetricsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_metrics.size());
}

int ClassMetricsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassMetricsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const training::ClassMetrics& m = m_metrics[row];
    const double values[] = {0.0, m.precision, m.recall, m.f1, static_cast<double>(m.support)};
    if (role == kValueRole) {
        if (index.column() == Class) {
            return QString::fromStdString(m_classes[row]);
        }
        return values[index.column()];
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Class:
            return QString::fromStdString(m_classes[row]);
        case Support:
            return QString::number(m.support);
        default:
            return QString::number(values[index.column()], 'f', 3);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Class) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == Recall) {
        return tr("Of the %1 images that are %2, the share the model called %2")
            .arg(m.support)
            .arg(QString::fromStdString(m_classes[row]));
    }
    return {};
}

QVariant ClassMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Class:
        return tr("Class");
    case Precision:
        return tr("Precision");
    case Recall:
        return tr("Recall");
    case F1:
        return tr("F1");
    case Support:
        return tr("Images");
    default:
        return {};
    }
}

} // namespace tstudio::ui
