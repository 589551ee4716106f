// The overlaid curves: one set of graphs per selected run, two-stage epochs continuous.

#include <QTest>

#include <cmath>
#include <limits>

#include "ui/runs/run_curves_plot.h"

using namespace tstudio;
using tstudio::ui::RunCurvesPlot;
using Curve = RunCurvesPlot::Curve;

namespace {

project::RunRecord run(const char* started, training::TrainMode mode, int stage1, int stage2,
                       bool validation = true) {
    project::RunRecord r;
    r.startedAt = started;
    r.config.mode = mode;
    int epoch = 0;
    for (int stage = 1; stage <= 2; ++stage) {
        for (int i = 0; i < (stage == 1 ? stage1 : stage2); ++i) {
            training::EpochMetrics m;
            m.stage = stage;
            m.epoch = ++epoch; // counted over the whole run, as the trainer reports it
            m.trainLoss = 1.0 / epoch;
            m.valLoss = validation ? 1.2 / epoch : std::numeric_limits<double>::quiet_NaN();
            m.valAccuracy =
                validation ? 0.5 + 0.04 * epoch : std::numeric_limits<double>::quiet_NaN();
            r.summary.history.push_back(m);
        }
    }
    r.summary.epochsRun = epoch;
    return r;
}

} // namespace

class TestRunCurvesPlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void drawsOneSetOfCurvesPerRun() {
        RunCurvesPlot plot;
        plot.resize(800, 500);
        plot.show();
        plot.setRuns({run("2026-12-01T10:00:00Z", training::TrainMode::Feature, 4, 0),
                      run("2026-12-01T11:00:00Z", training::TrainMode::TwoStage, 2, 3),
                      run("2026-12-01T12:00:00Z", training::TrainMode::FineTune, 3, 0)});
        QCOMPARE(plot.runCount(), 3);
        QCOMPARE(plot.points(0, Curve::TrainLoss).size(), std::size_t{4});
        QCOMPARE(plot.points(2, Curve::ValAccuracy).size(), std::size_t{3});

        // The two-stage run: stage 2 continues at epoch 3, no restart at 1.
        const auto twoStage = plot.points(1, Curve::ValLoss);
        QCOMPARE(twoStage.size(), std::size_t{5});
        for (std::size_t i = 0; i < twoStage.size(); ++i) {
            QCOMPARE(twoStage[i].x(), static_cast<double>(i + 1));
        }
        QCOMPARE(plot.points(1, Curve::ValAccuracy).back().y(), 100.0 * (0.5 + 0.04 * 5));
        QVERIFY(plot.runName(1).contains(QStringLiteral("Two-stage")));
        QVERIFY(plot.runName(0) != plot.runName(2));

        plot.setRuns({run("2026-12-01T10:00:00Z", training::TrainMode::Feature, 4, 0)});
        QCOMPARE(plot.runCount(), 1);
        plot.setRuns({});
        QCOMPARE(plot.runCount(), 0);
    }

    void aRunWithoutValidationHasOnlyItsTrainingCurve() {
        RunCurvesPlot plot;
        plot.setRuns({run("2026-12-01T10:00:00Z", training::TrainMode::Feature, 3, 0, false)});
        QCOMPARE(plot.points(0, Curve::TrainLoss).size(), std::size_t{3});
        QVERIFY(plot.points(0, Curve::ValLoss).empty());
        QVERIFY(plot.points(0, Curve::ValAccuracy).empty());
    }
};

QTEST_MAIN(TestRunCurvesPlot)
#include "tst_run_curves_plot.moc"
