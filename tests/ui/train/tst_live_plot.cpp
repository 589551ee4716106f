#include <cmath>
#include <limits>

#include <QTest>
#include <QToolTip>

#include "ui/train/live_plot.h"
#include "ui/train/scientific_spin_box.h"

using tstudio::ui::LivePlot;
using tstudio::ui::ScientificSpinBox;

class TestLivePlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void manyPointsCostFewRedraws() {
        LivePlot plot(QStringLiteral("epoch"), QStringLiteral("loss"));
        const int series = plot.addSeries(QStringLiteral("train"), Qt::blue);
        plot.resize(400, 300);
        plot.show();
        for (int i = 0; i < 5000; ++i) {
            plot.addPoint(series, i * 0.001, std::exp(-i * 0.001));
        }
        QCOMPARE(plot.pointCount(series), 5000);
        QCOMPARE(plot.replotCount(), 0); // coalesced: nothing drawn inside the burst
        QTRY_COMPARE(plot.replotCount(), 1);
        QCOMPARE(plot.lastValue(series).value(), std::exp(-4.999));
    }

    void hoverShowsTheNearestValue() {
        LivePlot plot(QStringLiteral("epoch"), QStringLiteral("loss"));
        const int train = plot.addSeries(QStringLiteral("train"), Qt::blue);
        const int val = plot.addSeries(QStringLiteral("validation"), Qt::red);
        for (int epoch = 1; epoch <= 5; ++epoch) {
            plot.addPoint(train, epoch, 1.0 / epoch);
            plot.addPoint(val, epoch, 2.0 / epoch);
        }
        plot.resize(500, 400);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QTRY_VERIFY(plot.replotCount() > 0);
        const QPointF third = plot.pixelOf(val, 2).value();
        const QString text = plot.valueTextAt(third + QPointF(2, -2));
        QVERIFY2(text.contains(QStringLiteral("validation")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("epoch: 3")));
        QVERIFY(text.contains(QStringLiteral("loss: ") + QString::number(2.0 / 3, 'g', 4)));
        QVERIFY(plot.valueTextAt(QPointF(1, 1)).isEmpty()); // nothing near the corner
        // A real mouse move shows it as a tooltip.
        QTest::mouseMove(plot.canvas(), third.toPoint());
        QTRY_VERIFY(QToolTip::text().contains(QStringLiteral("validation")));
    }

    void skipsValuesThatCannotBeDrawn() {
        LivePlot plot(QStringLiteral("epoch"), QStringLiteral("loss"));
        const int series = plot.addSeries(QStringLiteral("val"), Qt::red);
        plot.addPoint(series, 1.0, std::numeric_limits<double>::quiet_NaN());
        plot.addPoint(series, 2.0, std::numeric_limits<double>::infinity());
        plot.addPoint(series, 3.0, 0.5);
        QCOMPARE(plot.pointCount(series), 1);
        plot.clear();
        QCOMPARE(plot.pointCount(series), 0);
        QVERIFY(!plot.lastValue(series).has_value());
    }

    void scientificSpinBoxStepsOneTwoFive() {
        QCOMPARE(ScientificSpinBox::nextStep(1e-3, true), 2e-3);
        QCOMPARE(ScientificSpinBox::nextStep(2e-3, true), 5e-3);
        QCOMPARE(ScientificSpinBox::nextStep(5e-3, true), 1e-2);
        QCOMPARE(ScientificSpinBox::nextStep(1e-2, false), 5e-3);
        QCOMPARE(ScientificSpinBox::nextStep(3e-4, false), 2e-4);
        QCOMPARE(ScientificSpinBox::nextStep(3e-4, true), 5e-4);
        ScientificSpinBox spin;
        spin.setValue(3e-4);
        QCOMPARE(spin.value(), 3e-4);
        QCOMPARE(spin.text(), QLocale().toString(3e-4, 'g', 3));
        QCOMPARE(spin.valueFromText(QStringLiteral("1e-5")), 1e-5);
        QString text = QStringLiteral("1e-");
        int pos = 3;
        QCOMPARE(spin.validate(text, pos), QValidator::Intermediate);
        text = QStringLiteral("abc");
        QCOMPARE(spin.validate(text, pos), QValidator::Invalid);
        spin.stepBy(1);
        QCOMPARE(spin.value(), 5e-4);
    }
};

QTEST_MAIN(TestLivePlot)
#include "tst_live_plot.moc"
