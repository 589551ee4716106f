#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <QWidget>

class QCustomPlot;
class QCPColorMap;
class QCPItemText;

namespace tstudio::ui {

/**
 * The confusion matrix as a heat map: true classes down the left, predicted classes along the
 * bottom, the class names on both axes and the number in every cell. Shows counts, or each row
 * divided by its total (what fraction of a class went where). A click on a cell reports it.
 */
class ConfusionMatrixPlot final : public QWidget {
    Q_OBJECT

public:
    explicit ConfusionMatrixPlot(QWidget* parent = nullptr);

    /** counts[true][predicted]; classes names both axes. An empty matrix clears the plot. */
    void setMatrix(const std::vector<std::vector<std::int64_t>>& counts,
                   const std::vector<std::string>& classes);
    void setNormalised(bool normalised);
    bool isNormalised() const { return m_normalised; }

    /** The cell under a widget position, or {-1, -1}; for tests and the click handler. */
    std::pair<int, int> cellAt(const QPoint& position) const;
    /** The centre of cell (trueClass, predicted) in widget coordinates. */
    QPoint cellCentre(int trueClass, int predicted) const;
    /** The text drawn in a cell (count, or percentage when normalised). */
    QString cellText(int trueClass, int predicted) const;

Q_SIGNALS:
    void cellClicked(int trueClass, int predicted);

private:
    void rebuild();

    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_map = nullptr;
    std::vector<QCPItemText*> m_labels;
    std::vector<std::vector<std::int64_t>> m_counts;
    std::vector<std::string> m_classes;
    bool m_normalised = false;
};

} // namespace tstudio::ui
