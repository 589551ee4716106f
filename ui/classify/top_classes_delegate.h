#pragma once

#include <QStyledItemDelegate>

namespace tstudio::ui {

/**
 * Paints an image's top classes (ClassificationResultsModel::TopClassesRole) as one line each:
 * the class name, a bar as long as its probability, and the probability in percent. Cells
 * without that role (an unreadable file's reason) are painted as text.
 */
class TopClassesDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit TopClassesDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace tstudio::ui
