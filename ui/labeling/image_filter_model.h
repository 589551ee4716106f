#pragma once

#include <QSortFilterProxyModel>

#include "core/data/split.h"

namespace tstudio::ui {

/**
 * The labelling grid's view of an ImageGridModel: which images it shows (all, the unlabeled
 * ones waiting for a label, the excluded ones, one class, one split, the ones the dataset check
 * found a problem with) and in which order (the
 * dataset's, file name, modification date, class). Filters again as labels change, so labelling
 * in the "Unlabeled" view takes the image out of it. GUI thread.
 */
class ImageFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Show { All, Unlabeled, Excluded, Class, Split, Problem };
    /** The value of Show::Problem for any problem; else a data::ProblemKind. */
    static constexpr int kAnyProblem = -1;
    /** LeastConfident: images with a suggested label first, the least sure first (the most
        useful to label by hand), then the rest in dataset order. */
    enum class Order { Dataset, Name, Modified, Class, LeastConfident };

    explicit ImageFilterModel(QObject* parent = nullptr);

    Show show() const { return m_show; }
    /** value: the class index for Show::Class, a data::Split for Show::Split, kAnyProblem or a
        data::ProblemKind for Show::Problem, else unused. */
    void setShow(Show show, int value = 0);
    Order order() const { return m_order; }
    void setOrder(Order order);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    Show m_show = Show::All;
    int m_value = 0;
    Order m_order = Order::Dataset;
};

} // namespace tstudio::ui
