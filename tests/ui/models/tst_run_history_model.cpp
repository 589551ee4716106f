// The run history table: rows appended as runs finish, reset when another project opens.

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "ui/models/run_history_model.h"

using namespace tstudio;
using tstudio::ui::RunHistoryModel;

namespace {

project::RunRecord run(const char* started, int epochs, double best, const char* bundle) {
    project::RunRecord r;
    r.startedAt = started;
    r.config.arch = "mobilenet_v2";
    r.config.mode = training::TrainMode::TwoStage;
    r.summary.epochsRun = epochs;
    r.summary.bestEpoch = epochs;
    r.summary.bestValAccuracy = best;
    r.summary.bundle = bundle;
    return r;
}

} // namespace

class TestRunHistoryModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendsFinishedRunsAndResetsForAnotherProject() {
        RunHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<project::RunRecord> runs{run("2026-12-01T10:00:00Z", 3, 0.9, "/r/1/m")};
        model.setRuns(runs);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        runs.push_back(run("2026-12-01T11:00:00Z", 5, 0.955, "/r/2/m"));
        model.setRuns(runs);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        const QString best = model.index(1, RunHistoryModel::BestAccuracy).data().toString();
        QVERIFY2(best.contains(QStringLiteral("95.5")) && best.contains(QStringLiteral("epoch 5")),
                 qPrintable(best));
        QCOMPARE(model.index(1, RunHistoryModel::Mode).data().toString(),
                 QStringLiteral("Two-stage"));
        QCOMPARE(model.index(1, RunHistoryModel::Bundle).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(0, 0).data(RunHistoryModel::BundlePathRole).toString(),
                 QStringLiteral("/r/1/m"));
        model.setRuns({run("2026-11-30T09:00:00Z", 1, 0.5, "/other/m")}); // another project
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        model.setRuns({});
        QCOMPARE(model.rowCount(), 0);
    }

    void deletedRunsLeaveTheOtherRows() {
        RunHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<project::RunRecord> runs{run("2026-12-01T10:00:00Z", 3, 0.9, "/r/1/m"),
                                             run("2026-12-01T11:00:00Z", 4, 0.8, "/r/2/m"),
                                             run("2026-12-01T12:00:00Z", 5, 0.7, "/r/3/m"),
                                             run("2026-12-01T13:00:00Z", 6, 0.6, "/r/4/m")};
        model.setRuns(runs);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRuns({runs[0], runs[2]}); // the second and the last deleted
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data(RunHistoryModel::BundlePathRole).toString(),
                 QStringLiteral("/r/3/m"));
    }

    void showsTheRunsTime() {
        RunHistoryModel model;
        auto r = run("2026-12-01T10:00:00Z", 3, 0.9, "/r/1/m");
        r.summary.wallSeconds = 187.4;
        model.setRuns({r});
        QCOMPARE(model.headerData(RunHistoryModel::Duration, Qt::Horizontal).toString(),
                 QStringLiteral("Time"));
        QCOMPARE(model.index(0, RunHistoryModel::Duration).data().toString(),
                 QStringLiteral("3 min 07 s"));
        QCOMPARE(
            model.index(0, RunHistoryModel::Duration).data(RunHistoryModel::SortRole).toDouble(),
            187.4);
        QCOMPARE(model.index(0, RunHistoryModel::Bundle).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("/r/1/m"));
    }
};

QTEST_MAIN(TestRunHistoryModel)
#include "tst_run_history_model.moc"
