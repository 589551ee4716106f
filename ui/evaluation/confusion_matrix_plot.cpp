#include "ui/evaluation/confusion_matrix_plot.h"

#include <algorithm>
#include <cmath>

#include <QVBoxLayout>

#include <qcustomplot.h>

#include "core/evaluation/evaluation_queries.h"

namespace tstudio::ui {

namespace {

/** White for nothing, deep blue for everything: the diagonal of a good model stands out. */
QCPColorGradient cellGradient() {
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(255, 255, 255));
    gradient.setColorStopAt(0.5, QColor(107, 174, 214));
    gradient.setColorStopAt(1.0, QColor(8, 48, 107));
    gradient.setLevelCount(256);
    return gradient;
}

QSharedPointer<QCPAxisTickerText> classTicker(const std::vector<std::string>& classes) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < classes.size(); ++i) {
        ticker->addTick(static_cast<double>(i), QString::fromStdString(classes[i]));
    }
    return ticker;
}

} // namespace

ConfusionMatrixPlot::ConfusionMatrixPlot(QWidget* parent) : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(260, 220);
    m_plot->xAxis->setLabel(tr("Predicted class"));
    m_plot->yAxis->setLabel(tr("True class"));
    // Row 0 at the top, as a matrix is read.
    m_plot->yAxis->setRangeReversed(true);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLength(0, 3);
    }
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setGradient(cellGradient());
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false); // each cell reaches half a class either side of its tick

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton) {
            return;
        }
        const auto [trueClass, predicted] = cellAt(m_plot->mapTo(this, event->pos()));
        if (trueClass >= 0) {
            Q_EMIT cellClicked(trueClass, predicted);
        }
    });
    setToolTip(tr("Click a cell to see its images"));
}

void ConfusionMatrixPlot::setMatrix(const std::vector<std::vector<std::int64_t>>& counts,
                                    const std::vector<std::string>& classes) {
    m_counts = counts;
    m_classes = classes;
    rebuild();
}

void ConfusionMatrixPlot::setNormalised(bool normalised) {
    if (m_normalised != normalised) {
        m_normalised = normalised;
        rebuild();
    }
}

QString ConfusionMatrixPlot::cellText(int trueClass, int predicted) const {
    const auto t = static_cast<std::size_t>(trueClass);
    const auto p = static_cast<std::size_t>(predicted);
    if (t >= m_counts.size() || p >= m_counts[t].size()) {
        return {};
    }
    if (!m_normalised) {
        return QString::number(m_counts[t][p]);
    }
    const double share = evaluation::rowNormalised(m_counts)[t][p];
    return QStringLiteral("%1%").arg(100.0 * share, 0, 'f', share >= 0.1 || share == 0 ? 0 : 1);
}

void ConfusionMatrixPlot::rebuild() {
    for (QCPItemText* label : m_labels) {
        m_plot->removeItem(label);
    }
    m_labels.clear();
    const int n = static_cast<int>(m_counts.size());
    m_map->data()->setSize(std::max(n, 1), std::max(n, 1));
    m_map->data()->setRange(QCPRange(0, std::max(n - 1, 0)), QCPRange(0, std::max(n - 1, 0)));
    m_map->data()->fill(0.0);
    const auto shares = evaluation::rowNormalised(m_counts);
    double largest = 0.0;
    for (int t = 0; t < n; ++t) {
        for (int p = 0; p < n; ++p) {
            const auto ti = static_cast<std::size_t>(t);
            const auto pi = static_cast<std::size_t>(p);
            const double value =
                m_normalised ? shares[ti][pi] : static_cast<double>(m_counts[ti][pi]);
            m_map->data()->setCell(p, t, value);
            largest = std::max(largest, value);
        }
    }
    m_map->setDataRange(QCPRange(0.0, largest > 0.0 ? largest : 1.0));
    const QColor light(255, 255, 255);
    const QColor dark(30, 30, 30);
    // Numbers stay readable up to a few dozen classes; beyond that the colours say enough.
    if (n <= 30) {
        for (int t = 0; t < n; ++t) {
            for (int p = 0; p < n; ++p) {
                auto* label = new QCPItemText(m_plot);
                label->position->setType(QCPItemPosition::ptPlotCoords);
                label->position->setCoords(p, t);
                label->setText(cellText(t, p));
                label->setClipToAxisRect(true);
                const double value = m_map->data()->cell(p, t);
                label->setColor(value > 0.55 * (largest > 0.0 ? largest : 1.0) ? light : dark);
                m_labels.push_back(label);
            }
        }
    }
    m_plot->xAxis->setTicker(classTicker(m_classes));
    m_plot->yAxis->setTicker(classTicker(m_classes));
    m_plot->xAxis->setTickLabelRotation(n > 4 ? 45 : 0);
    m_plot->xAxis->setRange(-0.5, std::max(n, 1) - 0.5);
    m_plot->yAxis->setRange(-0.5, std::max(n, 1) - 0.5);
    m_plot->replot();
}

std::pair<int, int> ConfusionMatrixPlot::cellAt(const QPoint& position) const {
    const int n = static_cast<int>(m_counts.size());
    if (n == 0) {
        return {-1, -1};
    }
    const QPoint local = m_plot->mapFrom(this, position);
    if (!m_plot->axisRect()->rect().contains(local)) {
        return {-1, -1};
    }
    const double x = m_plot->xAxis->pixelToCoord(local.x());
    const double y = m_plot->yAxis->pixelToCoord(local.y());
    const int predicted = static_cast<int>(std::lround(x));
    const int trueClass = static_cast<int>(std::lround(y));
    if (predicted < 0 || predicted >= n || trueClass < 0 || trueClass >= n) {
        return {-1, -1};
    }
    return {trueClass, predicted};
}

QPoint ConfusionMatrixPlot::cellCentre(int trueClass, int predicted) const {
    const QPoint local(static_cast<int>(m_plot->xAxis->coordToPixel(predicted)),
                       static_cast<int>(m_plot->yAxis->coordToPixel(trueClass)));
    return m_plot->mapTo(this, local);
}

} // namespace tstudio::ui
