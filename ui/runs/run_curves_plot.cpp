#include "ui/runs/run_curves_plot.h"

#include <cmath>

#include <QVBoxLayout>

#include <qcustomplot.h>

#include "ui/models/run_text.h"

namespace tstudio::ui {

namespace {
constexpr int kCurvesPerRun = 3;
} // namespace

RunCurvesPlot::RunCurvesPlot(QWidget* parent) : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("runCurves"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setMinimumSize(360, 260);

    // Two axis rects stacked, sharing the epoch axis's range, and the legend in a row of its own
    // below them so it never covers a curve.
    m_lossRect = m_plot->axisRect();
    m_lossRect->axis(QCPAxis::atLeft)->setLabel(tr("Loss (— val., - - train)"));
    m_accuracyRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_accuracyRect);
    m_accuracyRect->axis(QCPAxis::atBottom)->setLabel(tr("Epoch"));
    m_accuracyRect->axis(QCPAxis::atLeft)->setLabel(tr("Val. accuracy (%)"));
    auto* margins = new QCPMarginGroup(m_plot);
    m_lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_accuracyRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    for (QCPAxisRect* rect : {m_lossRect, m_accuracyRect}) {
        rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    }
    connect(m_lossRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_accuracyRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(m_accuracyRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::rangeChanged), m_lossRect->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::setRange));

    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(2, 0, legendRow);
    legendRow->setMargins(QMargins(5, 0, 5, 5));
    m_plot->axisRect()->insetLayout()->take(m_plot->legend); // take: remove() deletes it
    m_plot->axisRect()->insetLayout()->simplify();
    legendRow->addElement(0, 0, m_plot->legend);
    // One run per line (a run's name is long), a new column after four.
    m_plot->legend->setFillOrder(QCPLegend::foRowsFirst);
    m_plot->legend->setWrap(4);
    m_plot->legend->setVisible(true);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);

    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) {
        fitAxes();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

RunCurvesPlot::~RunCurvesPlot() = default;

void RunCurvesPlot::setRuns(const std::vector<project::RunRecord>& runs) {
    m_plot->clearGraphs();
    m_runCount = static_cast<int>(runs.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const QColor color = runColor(r);
        QVector<double> epochs, trainLoss, valLoss, valAccuracy;
        for (const training::EpochMetrics& metrics : runs[r].summary.history) {
            epochs << metrics.epoch;
            trainLoss << metrics.trainLoss;
            valLoss << metrics.valLoss;
            valAccuracy << 100.0 * metrics.valAccuracy;
        }
        const auto addCurve = [&](QCPAxisRect* rect, const QVector<double>& values,
                                  Qt::PenStyle style) {
            QCPGraph* graph =
                m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            QPen pen(color, 1.8);
            pen.setStyle(style);
            graph->setPen(pen);
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 4));
            // QCustomPlot breaks the line at NaN: a run without a validation split has no
            // validation points, not a line through zero.
            graph->setData(epochs, values, /*alreadySorted=*/true);
            graph->removeFromLegend();
            return graph;
        };
        addCurve(m_lossRect, trainLoss, Qt::DashLine);
        QCPGraph* named = addCurve(m_lossRect, valLoss, Qt::SolidLine);
        addCurve(m_accuracyRect, valAccuracy, Qt::SolidLine);
        named->setName(runTitle(runs[r]));
        named->addToLegend();
    }
    fitAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RunCurvesPlot::fitAxes() {
    for (QCPAxisRect* rect : {m_lossRect, m_accuracyRect}) {
        bool any = false;
        for (QCPGraph* graph : rect->graphs()) {
            bool found = false;
            graph->getValueRange(found);
            if (found) {
                graph->rescaleAxes(/*onlyEnlarge=*/any);
                any = true;
            }
        }
        if (!any) {
            rect->axis(QCPAxis::atBottom)->setRange(0.0, 1.0);
            rect->axis(QCPAxis::atLeft)->setRange(0.0, 1.0);
            continue;
        }
        QCPAxis* y = rect->axis(QCPAxis::atLeft);
        const double pad = y->range().size() > 0.0 ? 0.05 * y->range().size() : 0.5;
        y->setRange(y->range().lower - pad, y->range().upper + pad);
    }
    // Both rects show the same epochs: the wider of the two ranges.
    QCPRange epochs = m_lossRect->axis(QCPAxis::atBottom)->range();
    epochs.expand(m_accuracyRect->axis(QCPAxis::atBottom)->range());
    epochs = QCPRange(epochs.lower - 0.25, epochs.upper + 0.25);
    m_lossRect->axis(QCPAxis::atBottom)->setRange(epochs);
}

int RunCurvesPlot::graphIndex(int run, Curve curve) const {
    return run * kCurvesPerRun + static_cast<int>(curve);
}

std::vector<QPointF> RunCurvesPlot::points(int run, Curve curve) const {
    std::vector<QPointF> result;
    const auto data = m_plot->graph(graphIndex(run, curve))->data();
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        if (std::isfinite(it->value)) {
            result.emplace_back(it->key, it->value);
        }
    }
    return result;
}

QString RunCurvesPlot::runName(int run) const {
    return m_plot->graph(graphIndex(run, Curve::ValLoss))->name();
}

} // namespace tstudio::ui
