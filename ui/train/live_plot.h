#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QCustomPlot;
class QCPItemStraightLine;
class QMouseEvent;
class QTimer;

namespace tstudio::ui {

/**
 * A QCustomPlot for streaming series: points are appended at any rate and the redraw is
 * coalesced (one replot per 40 ms at most, rpQueuedReplot), as PlotJuggler does. Drag pans and
 * the wheel zooms; while the person has not moved the view it follows the data, double-click
 * goes back to following. Hovering shows the nearest point's value. A click reports the x
 * value under the mouse (the LR finder picks a learning rate that way).
 */
class LivePlot final : public QWidget {
    Q_OBJECT

public:
    enum class Style { Line, Points, LineAndPoints };

    LivePlot(const QString& xLabel, const QString& yLabel, QWidget* parent = nullptr);
    ~LivePlot() override;

    /** Adds a series shown in the legend; returns its id. */
    int addSeries(const QString& name, const QColor& color, Style style = Style::Line,
                  Qt::PenStyle pen = Qt::SolidLine);
    /** Appends a point; NaN and infinite values are skipped (no validation split, no loss). */
    void addPoint(int series, double x, double y);
    void setSeries(int series, const std::vector<double>& x, const std::vector<double>& y);
    /** Removes every point, keeps the series, follows the data again. */
    void clear();

    int pointCount(int series) const;
    /** Every point of series, in x order. */
    std::vector<QPointF> points(int series) const;
    /** The value of series' last point, if it has one. */
    std::optional<double> lastValue(int series) const;
    void setLogX(bool log);
    void setLogY(bool log);
    /** While following, the x axis spans at least [lower, upper] (a run's epochs, so the
        curve grows across a fixed frame); lower > upper clears it. */
    void setXSpan(double lower, double upper);
    /** A vertical line at x (e.g. the suggested learning rate); NaN hides it. */
    void setMarker(double x);
    /** How many redraws ran (tests check that many points cost few redraws). */
    int replotCount() const { return m_replots; }
    bool isFollowing() const { return m_following; }
    QCustomPlot* plot() const { return m_plot; }
    /** The widget the plot is drawn on (mouse events go there). */
    QWidget* canvas() const;
    /** Where the index-th point of series is drawn, in canvas pixels. */
    std::optional<QPointF> pixelOf(int series, int index) const;
    /** What hovering at pos shows: the nearest point within a few pixels (series, x and y),
        or an empty string. */
    QString valueTextAt(const QPointF& pos) const;

Q_SIGNALS:
    void clicked(double x, double y);

private:
    void scheduleReplot();
    void replotNow();
    void onMouseMove(QMouseEvent* event);

    QCustomPlot* m_plot = nullptr;
    QTimer* m_replotTimer = nullptr;
    QCPItemStraightLine* m_marker = nullptr;
    double m_spanLower = 1.0, m_spanUpper = 0.0;
    bool m_following = true;
    bool m_dragged = false;
    int m_replots = 0;
};

} // namespace tstudio::ui
