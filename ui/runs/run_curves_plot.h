#pragma once

#include <vector>

#include <QPointF>
#include <QString>
#include <QWidget>

#include "core/project/project.h"

class QCustomPlot;
class QCPAxisRect;

namespace tstudio::ui {

/**
 * The curves of the runs being compared, overlaid: loss per epoch above (validation solid,
 * training dashed), validation accuracy below, one colour per run (runColor(), as the columns of
 * the settings comparison), a legend naming each run as every list does (runTitle(): start,
 * backbone, mode, best accuracy). A two-stage run's epochs are counted over the whole run, so its
 * curve continues through stage 2. The axes follow the data; drag pans and the wheel zooms,
 * double-click fits the data again.
 */
class RunCurvesPlot final : public QWidget {
    Q_OBJECT

public:
    enum class Curve { TrainLoss, ValLoss, ValAccuracy };

    explicit RunCurvesPlot(QWidget* parent = nullptr);
    ~RunCurvesPlot() override;

    void setRuns(const std::vector<project::RunRecord>& runs);

    /** How many runs are drawn (each with one graph per Curve). */
    int runCount() const { return m_runCount; }
    /** The points of run's curve as drawn (accuracy in %), epoch order; NaN epochs left out. */
    std::vector<QPointF> points(int run, Curve curve) const;
    /** The legend's name of run. */
    QString runName(int run) const;
    QCustomPlot* plot() const { return m_plot; }

private:
    int graphIndex(int run, Curve curve) const;
    void fitAxes();

    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_lossRect = nullptr;
    QCPAxisRect* m_accuracyRect = nullptr;
    int m_runCount = 0;
};

} // namespace tstudio::ui
