#include "ui/train/lr_finder_view.h"

#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/train/live_plot.h"

namespace tstudio::ui {

LrFinderView::LrFinderView(QWidget* parent) : QWidget(parent) {
    m_plot = new LivePlot(tr("learning rate"), tr("loss (smoothed)"), this);
    m_plot->addSeries(tr("range test"), QColor(31, 119, 180));
    m_plot->setLogX(true);
    m_label = new QLabel(tr("Run the finder (the Find… button next to the learning rate) to see "
                            "how the loss responds to the learning rate."),
                         this);
    m_label->setWordWrap(true);
    m_use = new QPushButton(tr("Use this learning rate"), this);
    m_use->setEnabled(false);
    auto* row = new QHBoxLayout;
    row->addWidget(m_label, 1);
    row->addWidget(m_use);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addLayout(row);

    connect(m_plot, &LivePlot::clicked, this, [this](double lr, double) { pick(lr); });
    connect(m_use, &QPushButton::clicked, this, [this] { Q_EMIT learningRateChosen(m_picked); });
}

void LrFinderView::setResult(const training::LrFinderResult& result) {
    m_result = result;
    m_plot->setSeries(0, result.learningRates, result.losses);
    pick(result.suggestedLr);
}

void LrFinderView::pick(double lr) {
    if (m_result.learningRates.empty() || !(lr > 0.0)) {
        return;
    }
    // Snap to the nearest tested rate (log distance): a rate the test actually tried.
    size_t best = 0;
    for (size_t i = 1; i < m_result.learningRates.size(); ++i) {
        if (std::abs(std::log(m_result.learningRates[i] / lr)) <
            std::abs(std::log(m_result.learningRates[best] / lr))) {
            best = i;
        }
    }
    m_picked = m_result.learningRates[best];
    m_plot->setMarker(m_picked);
    const bool suggested = std::abs(std::log(m_picked / m_result.suggestedLr)) < 1e-9;
    m_label->setText((suggested
                          ? tr("Suggested learning rate: <b>%1</b> (steepest descent of the loss).")
                          : tr("Picked learning rate: <b>%1</b>."))
                         .arg(QString::number(m_picked, 'g', 3)) +
                     QStringLiteral(" ") + tr("Click the curve to pick another."));
    m_use->setEnabled(true);
}

} // namespace tstudio::ui
