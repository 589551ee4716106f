// The smoothed training loss: keeps up with short epochs, is debiased, and counts batches.

#include <algorithm>
#include <limits>
#include <vector>

#include <QTest>

#include "ui/train/loss_smoother.h"

using tstudio::ui::LossSmoother;

class TestLossSmoother : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aShortEpochIsNotSmoothedOverEarlierOnes() {
        // Three batches per epoch and a loss that falls fast between epochs: at the end of each
        // epoch the curve lies within that epoch's batch losses, not behind them.
        const std::vector<std::vector<double>> epochs{
            {2.0, 1.9, 1.8}, {1.0, 0.9, 0.8}, {0.4, 0.35, 0.3}};
        LossSmoother smoother;
        for (const auto& losses : epochs) {
            double last = 0.0;
            for (std::size_t b = 0; b < losses.size(); ++b) {
                last = smoother.add(losses[b], static_cast<std::int64_t>(b + 1), 3);
            }
            QVERIFY2(last >= *std::min_element(losses.begin(), losses.end()) &&
                         last <= *std::max_element(losses.begin(), losses.end()),
                     qPrintable(QString::number(last)));
        }
    }

    void theFirstPointsAreDebiased() {
        LossSmoother smoother;
        QVERIFY(!smoother.hasValue());
        QCOMPARE(smoother.add(2.5, 1, 400), 2.5); // not pulled towards 0
        for (int b = 2; b <= 50; ++b) {
            QCOMPARE(smoother.add(2.5, b, 400), 2.5);
        }
    }

    void longEpochsAreSmoothed() {
        // 400 batches per epoch: a span of 100 batches; one outlier moves the curve little.
        LossSmoother smoother;
        for (int b = 1; b <= 200; ++b) {
            smoother.add(1.0, b, 400);
        }
        const double smoothed = smoother.add(11.0, 201, 400);
        QVERIFY2(smoothed > 1.0 && smoothed < 1.3, qPrintable(QString::number(smoothed)));
    }

    void aReportOfSeveralBatchesWeighsAsThem() {
        // The engine reports at a bounded rate: one report of the mean of 4 batches decays the
        // average as 4 reports of that mean would.
        LossSmoother once, each;
        for (int b = 1; b <= 20; ++b) {
            once.add(2.0, b, 100);
            each.add(2.0, b, 100);
        }
        const double reported = once.add(1.0, 24, 100);
        double stepped = 0.0;
        for (int b = 21; b <= 24; ++b) {
            stepped = each.add(1.0, b, 100);
        }
        QVERIFY(qFuzzyCompare(reported, stepped));
    }

    void nonFiniteLossesAreSkippedAndResetClears() {
        LossSmoother smoother;
        smoother.add(1.5, 1, 10);
        QCOMPARE(smoother.add(std::numeric_limits<double>::quiet_NaN(), 2, 10), 1.5);
        smoother.reset();
        QVERIFY(!smoother.hasValue());
    }
};

QTEST_GUILESS_MAIN(TestLossSmoother)
#include "tst_loss_smoother.moc"
