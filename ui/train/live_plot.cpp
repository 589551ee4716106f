#include "ui/train/live_plot.h"

#include <cmath>
#include <limits>

#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace tstudio::ui {

namespace {
constexpr int kReplotIntervalMs = 40;
constexpr double kHoverRadiusPx = 24.0;
} // namespace

LivePlot::LivePlot(const QString& xLabel, const QString& yLabel, QWidget* parent)
    : QWidget(parent) {
    m_plot = new QCustomPlot(this);
    m_plot->xAxis->setLabel(xLabel);
    m_plot->yAxis->setLabel(yLabel);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QBrush(QColor(255, 255, 255, 200)));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setMinimumHeight(140);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    m_replotTimer = new QTimer(this);
    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(kReplotIntervalMs);
    connect(m_replotTimer, &QTimer::timeout, this, &LivePlot::replotNow);

    // The person moved the view: stop following the data until a double-click.
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent*) { m_dragged = false; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        if (event->buttons() & Qt::LeftButton) {
            m_dragged = true;
            m_following = false;
        }
        onMouseMove(event);
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* event) {
        if (!m_dragged && event->button() == Qt::LeftButton) {
            Q_EMIT clicked(m_plot->xAxis->pixelToCoord(event->position().x()),
                           m_plot->yAxis->pixelToCoord(event->position().y()));
        }
    });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent*) { m_following = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) {
        m_following = true;
        scheduleReplot();
    });
}

LivePlot::~LivePlot() = default;

int LivePlot::addSeries(const QString& name, const QColor& color, Style style,
                        Qt::PenStyle penStyle) {
    QCPGraph* graph = m_plot->addGraph();
    graph->setName(name);
    QPen pen(color, 1.6);
    pen.setStyle(penStyle);
    graph->setPen(pen);
    if (style == Style::Points) {
        graph->setLineStyle(QCPGraph::lsNone);
    }
    if (style != Style::Line) {
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, 5));
    }
    return m_plot->graphCount() - 1;
}

void LivePlot::addPoint(int series, double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) {
        return;
    }
    m_plot->graph(series)->addData(x, y);
    scheduleReplot();
}

void LivePlot::setSeries(int series, const std::vector<double>& x, const std::vector<double>& y) {
    QVector<double> keys, values;
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            keys << x[i];
            values << y[i];
        }
    }
    m_plot->graph(series)->setData(keys, values, /*alreadySorted=*/true);
    m_following = true;
    scheduleReplot();
}

void LivePlot::clear() {
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        m_plot->graph(i)->data()->clear();
    }
    m_following = true;
    setMarker(std::numeric_limits<double>::quiet_NaN());
    scheduleReplot();
}

int LivePlot::pointCount(int series) const {
    return m_plot->graph(series)->data()->size();
}

std::vector<QPointF> LivePlot::points(int series) const {
    std::vector<QPointF> result;
    const auto data = m_plot->graph(series)->data();
    result.reserve(static_cast<std::size_t>(data->size()));
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        result.emplace_back(it->key, it->value);
    }
    return result;
}

std::optional<double> LivePlot::lastValue(int series) const {
    const auto data = m_plot->graph(series)->data();
    if (data->isEmpty()) {
        return std::nullopt;
    }
    return (data->constEnd() - 1)->value;
}

void LivePlot::setLogX(bool log) {
    m_plot->xAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log) {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        m_plot->xAxis->setNumberFormat(QStringLiteral("eb"));
        m_plot->xAxis->setNumberPrecision(0);
    } else {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        m_plot->xAxis->setNumberFormat(QStringLiteral("gb"));
    }
}

void LivePlot::setLogY(bool log) {
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log) {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        m_plot->yAxis->setNumberFormat(QStringLiteral("eb"));
        m_plot->yAxis->setNumberPrecision(0);
    }
}

void LivePlot::setXSpan(double lower, double upper) {
    m_spanLower = lower;
    m_spanUpper = upper;
    scheduleReplot();
}

void LivePlot::setMarker(double x) {
    if (std::isnan(x)) {
        if (m_marker != nullptr) {
            m_plot->removeItem(m_marker);
            m_marker = nullptr;
        }
    } else {
        if (m_marker == nullptr) {
            m_marker = new QCPItemStraightLine(m_plot);
            m_marker->setPen(QPen(QColor(200, 60, 60), 1.2, Qt::DashLine));
        }
        m_marker->point1->setCoords(x, 0.0);
        m_marker->point2->setCoords(x, 1.0);
    }
    scheduleReplot();
}

void LivePlot::scheduleReplot() {
    if (!m_replotTimer->isActive()) {
        m_replotTimer->start();
    }
}

void LivePlot::replotNow() {
    if (m_following) {
        bool any = false;
        for (int i = 0; i < m_plot->graphCount(); ++i) {
            if (!m_plot->graph(i)->data()->isEmpty()) {
                m_plot->graph(i)->rescaleAxes(/*onlyEnlarge=*/any);
                any = true;
            }
        }
        if (any) {
            // A little air above and below, so a curve is not drawn on the frame.
            const QCPRange y = m_plot->yAxis->range();
            if (m_plot->yAxis->scaleType() == QCPAxis::stLinear) {
                const double pad = y.size() > 0.0 ? 0.05 * y.size() : 0.5;
                m_plot->yAxis->setRange(y.lower - pad, y.upper + pad);
            }
            QCPRange x = m_plot->xAxis->range();
            if (m_spanLower <= m_spanUpper) {
                x.expand(QCPRange(m_spanLower, m_spanUpper));
            }
            if (x.size() <= 0.0) {
                x = QCPRange(x.center() - 0.5, x.center() + 0.5);
            }
            if (m_plot->xAxis->scaleType() == QCPAxis::stLinear) {
                // Points on the last x would sit on the frame: leave a sliver of room.
                x.upper += 0.02 * x.size();
            }
            m_plot->xAxis->setRange(x);
        }
    }
    ++m_replots;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QWidget* LivePlot::canvas() const {
    return m_plot;
}

std::optional<QPointF> LivePlot::pixelOf(int series, int index) const {
    const auto data = m_plot->graph(series)->data();
    if (index < 0 || index >= data->size()) {
        return std::nullopt;
    }
    const auto point = data->at(index);
    return QPointF(m_plot->xAxis->coordToPixel(point->key),
                   m_plot->yAxis->coordToPixel(point->value));
}

QString LivePlot::valueTextAt(const QPointF& pos) const {
    double bestDistance = kHoverRadiusPx;
    const QCPGraph* bestGraph = nullptr;
    double bestKey = 0.0, bestValue = 0.0;
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        const QCPGraph* graph = m_plot->graph(i);
        const auto data = graph->data();
        // The points nearest in x to the mouse: binary search, then look at the neighbours.
        auto it = data->findBegin(key, /*expandedRange=*/true);
        for (int n = 0; n < 3 && it != data->constEnd(); ++n, ++it) {
            const double dx = m_plot->xAxis->coordToPixel(it->key) - pos.x();
            const double dy = m_plot->yAxis->coordToPixel(it->value) - pos.y();
            const double distance = std::hypot(dx, dy);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestGraph = graph;
                bestKey = it->key;
                bestValue = it->value;
            }
        }
    }
    if (bestGraph == nullptr) {
        return {};
    }
    return QStringLiteral("%1\n%2: %3\n%4: %5")
        .arg(bestGraph->name(), m_plot->xAxis->label(), QString::number(bestKey, 'g', 4),
             m_plot->yAxis->label(), QString::number(bestValue, 'g', 4));
}

void LivePlot::onMouseMove(QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton) {
        return;
    }
    const QString text = valueTextAt(event->position());
    if (text.isEmpty()) {
        QToolTip::hideText();
    } else {
        QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
    }
}

} // namespace tstudio::ui
