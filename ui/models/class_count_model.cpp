#include "ui/models/class_count_model.h"

#include <QLocale>

#include "core/data/dataset.h"

namespace tstudio::ui {

ClassCountModel::ClassCountModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassCountModel::setDataset(const data::Dataset& dataset) {
    std::vector<Row> rows(dataset.classes().size());
    for (std::size_t c = 0; c < rows.size(); ++c) {
        rows[c].name = QString::fromStdString(dataset.classes()[c]);
    }
    for (const data::Sample& sample : dataset.samples()) {
        if (sample.label < 0 || static_cast<std::size_t>(sample.label) >= rows.size()) {
            continue;
        }
        Row& row = rows[static_cast<std::size_t>(sample.label)];
        ++row.perSplit[static_cast<std::size_t>(sample.split)];
        ++row.total;
    }

    const bool sameClasses =
        rows.size() == m_rows.size() &&
        std::equal(rows.begin(), rows.end(), m_rows.begin(),
                   [](const Row& a, const Row& b) { return a.name == b.name; });
    if (!sameClasses) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, Train), index(rowCount() - 1, Total),
                           {Qt::DisplayRole, CountRole});
    }
}

qint64 ClassCountModel::splitTotal(data::Split split) const {
    qint64 sum = 0;
    for (const Row& row : m_rows) {
        sum += row.perSplit[static_cast<std::size_t>(split)];
    }
    return sum;
}

int ClassCountModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ClassCountModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 ClassCountModel::count(const Row& row, int column) const {
    switch (column) {
    case Train:
        return row.perSplit[static_cast<std::size_t>(data::Split::Train)];
    case Val:
        return row.perSplit[static_cast<std::size_t>(data::Split::Val)];
    case Test:
        return row.perSplit[static_cast<std::size_t>(data::Split::Test)];
    case NoSplit:
        return row.perSplit[static_cast<std::size_t>(data::Split::None)];
    default:
        return row.total;
    }
}

QVariant ClassCountModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    if (index.column() == Class) {
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(row.name) : QVariant();
    }
    switch (role) {
    case Qt::DisplayRole:
        return QLocale().toString(count(row, index.column()));
    case CountRole:
        return count(row, index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ClassCountModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Class:
        return tr("Class");
    case Train:
        return tr("Train");
    case Val:
        return tr("Val");
    case Test:
        return tr("Test");
    case NoSplit:
        return tr("No split");
    case Total:
        return tr("Total");
    default:
        return {};
    }
}

} // namespace tstudio::ui
