#include "ui/classify/top_classes_delegate.h"

#include <algorithm>

#include <QApplication>
#include <QPainter>
#include <QVariantList>

#include "ui/models/classification_results_model.h"

namespace tstudio::ui {

namespace {

constexpr int kNameWidthChars = 18; ///< room for most class names before the bar starts
constexpr int kPercentWidthChars = 7;
constexpr int kMinBarWidth = 60;
constexpr int kPadding = 4;

QVariantList topClasses(const QModelIndex& index) {
    return index.data(ClassificationResultsModel::TopClassesRole).toList();
}

} // namespace

TopClassesDelegate::TopClassesDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void TopClassesDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    const QVariantList classes = topClasses(index);
    if (classes.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const QFontMetrics metrics(option.font);
    const int lineHeight = metrics.height() + 2;
    const QRect area = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const int nameWidth = std::min(metrics.averageCharWidth() * kNameWidthChars, area.width() / 2);
    const int percentWidth = metrics.averageCharWidth() * kPercentWidthChars;
    const int barWidth = std::max(area.width() - nameWidth - percentWidth - 2 * kPadding, 0);
    const bool selected = (option.state & QStyle::State_Selected) != 0;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    // Top class in the highlight colour, the others muted: the eye reads the first bar first.
    const QColor firstBar = selected ? option.palette.color(QPalette::HighlightedText)
                                     : option.palette.color(QPalette::Highlight);
    QColor otherBar = firstBar;
    otherBar.setAlphaF(0.45F);

    painter->save();
    painter->setClipRect(option.rect);
    int y = area.top();
    for (qsizetype i = 0; i < classes.size() && y + lineHeight <= area.bottom() + 2; ++i) {
        const QVariantList entry = classes[i].toList();
        const QString name = entry.value(0).toString();
        const double probability = std::clamp(entry.value(1).toDouble(), 0.0, 1.0);
        const QRect nameRect(area.left(), y, nameWidth, lineHeight);
        painter->setPen(option.palette.color(textRole));
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(name, Qt::ElideRight, nameWidth));
        const QRect track(nameRect.right() + kPadding, y + 3, barWidth, lineHeight - 6);
        if (barWidth >= kMinBarWidth / 2) {
            painter->fillRect(track, option.palette.color(QPalette::Midlight));
            painter->fillRect(QRect(track.left(), track.top(),
                                    static_cast<int>(probability * track.width() + 0.5),
                                    track.height()),
                              i == 0 ? firstBar : otherBar);
        }
        painter->drawText(QRect(track.right() + kPadding, y, percentWidth, lineHeight),
                          Qt::AlignRight | Qt::AlignVCenter,
                          QStringLiteral("%1 %").arg(100.0 * probability, 0, 'f', 1));
        y += lineHeight;
    }
    painter->restore();
}

QSize TopClassesDelegate::sizeHint(const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const {
    const QVariantList classes = topClasses(index);
    if (classes.isEmpty()) {
        return QStyledItemDelegate::sizeHint(option, index);
    }
    const QFontMetrics metrics(option.font);
    const int width = metrics.averageCharWidth() * (kNameWidthChars + kPercentWidthChars) +
                      kMinBarWidth + 4 * kPadding;
    const auto lines = static_cast<int>(classes.size());
    return {width, lines * (metrics.height() + 2) + 2 * kPadding};
}

} // namespace tstudio::ui
