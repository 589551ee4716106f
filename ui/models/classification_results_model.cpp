#include "ui/models/classification_results_model.h"

#include <algorithm>

#include <QFileInfo>
#include <QVariantList>

namespace tstudio::ui {

namespace {

QString percent(float probability) {
    return QStringLiteral("%1 %").arg(100.0 * static_cast<double>(probability), 0, 'f', 1);
}

} // namespace

ClassificationResultsModel::ClassificationResultsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ClassificationResultsModel::appendImages(const QList<ClassifiedImage>& images) {
    if (images.isEmpty()) {
        return;
    }
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(images.size()) - 1);
    m_images.insert(m_images.end(), images.begin(), images.end());
    endInsertRows();
}

void ClassificationResultsModel::clear() {
    if (m_images.empty()) {
        return;
    }
    beginResetModel();
    m_images.clear();
    endResetModel();
}

int ClassificationResultsModel::classifiedCount() const {
    return static_cast<int>(std::count_if(m_images.begin(), m_images.end(),
                                          [](const ClassifiedImage& i) { return i.ok(); }));
}

int ClassificationResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_images.size());
}

int ClassificationResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassificationResultsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ClassifiedImage& image = m_images[static_cast<std::size_t>(index.row())];
    const bool ok = image.ok();
    // A path that names nothing has no file name: its message says which path it was.
    const QString name = image.path.isEmpty() ? image.error : QFileInfo(image.path).fileName();
    switch (role) {
    case PathRole:
        return image.path;
    case ErrorRole:
        return image.error;
    case Qt::ToolTipRole:
        return image.error.isEmpty() ? image.path : image.error;
    case Qt::DecorationRole:
        if (index.column() == File && !image.thumbnail.isNull()) {
            return image.thumbnail;
        }
        return {};
    case TopClassesRole: {
        if (index.column() != TopClasses || !ok) {
            return {};
        }
        QVariantList list;
        for (const inference::ClassScore& score : image.top) {
            list.append(QVariant(QVariantList{QString::fromStdString(score.label),
                                              static_cast<double>(score.probability)}));
        }
        return list;
    }
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case File:
            return name;
        case TopClass:
            return ok ? QString::fromStdString(image.top.front().label) : tr("unreadable");
        case Probability:
            if (role == SortRole) {
                return ok ? static_cast<double>(image.top.front().probability) : -1.0;
            }
            return ok ? percent(image.top.front().probability) : QString();
        case TopClasses: {
            if (!ok) {
                return image.error;
            }
            QStringList parts;
            for (const inference::ClassScore& score : image.top) {
                parts << QStringLiteral("%1 %2").arg(QString::fromStdString(score.label),
                                                     percent(score.probability));
            }
            return parts.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Probability) {
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    default:
        return {};
    }
}

QVariant ClassificationResultsModel::headerData(int section, Qt::Orientation orientation,
                                                int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case File:
        return tr("File");
    case TopClass:
        return tr("Class");
    case Probability:
        return tr("Probability");
    case TopClasses:
        return tr("Top classes");
    default:
        return {};
    }
}

} // namespace tstudio::ui
