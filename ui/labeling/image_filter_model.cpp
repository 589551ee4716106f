#include "ui/labeling/image_filter_model.h"

#include "core/data/sample.h"
#include "ui/labeling/image_grid_model.h"

namespace tstudio::ui {

ImageFilterModel::ImageFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ImageFilterModel::setShow(Show show, int value) {
    if (show == m_show && value == m_value) {
        return;
    }
    m_show = show;
    m_value = value;
    invalidateRowsFilter();
}

void ImageFilterModel::setOrder(Order order) {
    m_order = order;
    // Column -1 keeps the source's order: the dataset's, with no sort to pay for. Sorting
    // column 0 again would be a no-op to Qt, which does not see lessThan change with m_order:
    // going through -1 makes it sort anew.
    sort(-1);
    if (order != Order::Dataset) {
        sort(0, Qt::AscendingOrder);
    }
}

bool ImageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const auto* grid = qobject_cast<const ImageGridModel*>(sourceModel());
    if (grid == nullptr || sourceParent.isValid()) {
        return true;
    }
    const data::Sample& sample = grid->sample(sourceRow);
    switch (m_show) {
    case Show::All:
        return true;
    case Show::Unlabeled:
        // As the data page counts them: waiting for a label, so not excluded.
        return sample.label == data::kUnlabeled && !sample.excluded;
    case Show::Excluded:
        return sample.excluded;
    case Show::Class:
        return sample.label == m_value;
    case Show::Split:
        return static_cast<int>(sample.split) == m_value;
    case Show::Problem:
        return m_value == kAnyProblem
                   ? grid->hasProblems(sourceRow)
                   : grid->hasProblem(sourceRow, static_cast<data::ProblemKind>(m_value));
    }
    return true;
}

bool ImageFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const auto byName = [&] {
        const int order =
            QString::compare(left.data(Qt::DisplayRole).toString(),
                             right.data(Qt::DisplayRole).toString(), Qt::CaseInsensitive);
        return order != 0 ? order < 0 : left.row() < right.row();
    };
    switch (m_order) {
    case Order::Dataset:
        return left.row() < right.row();
    case Order::Name:
        return byName();
    case Order::Modified: {
        const qint64 a = left.data(ImageGridModel::ModifiedRole).toLongLong();
        const qint64 b = right.data(ImageGridModel::ModifiedRole).toLongLong();
        return a != b ? a < b : byName();
    }
    case Order::LeastConfident: {
        const double a = left.data(ImageGridModel::SuggestionConfidenceRole).toDouble();
        const double b = right.data(ImageGridModel::SuggestionConfidenceRole).toDouble();
        const bool hasA = a >= 0;
        const bool hasB = b >= 0;
        if (hasA != hasB) {
            return hasA;
        }
        return a != b ? a < b : left.row() < right.row();
    }
    case Order::Class: {
        // Unlabeled (-1) first: they are the ones still to do.
        const int a = left.data(ImageGridModel::LabelRole).toInt();
        const int b = right.data(ImageGridModel::LabelRole).toInt();
        return a != b ? a < b : byName();
    }
    }
    return left.row() < right.row();
}

} // namespace tstudio::ui
