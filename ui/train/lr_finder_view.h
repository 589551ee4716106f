#pragma once

#include <QWidget>

#include "core/training/trainer.h"

class QLabel;
class QPushButton;

namespace tstudio::ui {

class LivePlot;

/**
 * The learning-rate range test's curve (smoothed loss over a log LR axis) with the suggested
 * rate marked. Clicking the plot picks another rate; "Use" hands the picked rate on.
 */
class LrFinderView final : public QWidget {
    Q_OBJECT

public:
    explicit LrFinderView(QWidget* parent = nullptr);

    void setResult(const training::LrFinderResult& result);
    /** Picks the curve's learning rate nearest to lr (what a click does). */
    void pick(double lr);
    double pickedLr() const { return m_picked; }
    LivePlot* plot() const { return m_plot; }
    QPushButton* useButton() const { return m_use; }

Q_SIGNALS:
    void learningRateChosen(double lr);

private:
    LivePlot* m_plot = nullptr;
    QLabel* m_label = nullptr;
    QPushButton* m_use = nullptr;
    training::LrFinderResult m_result;
    double m_picked = 0.0;
};

} // namespace tstudio::ui
