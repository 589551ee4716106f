// The settings comparison: one row per setting, one column per run, exactly the differing
// settings highlighted, "only differences" hides the rest.

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

#include "ui/models/run_comparison_model.h"

using namespace tstudio;
using tstudio::ui::RunComparisonModel;

namespace {

project::RunRecord run(const char* started, const char* arch, double lr, int epochs) {
    project::RunRecord r;
    r.startedAt = started;
    r.config.arch = arch;
    r.config.optimizer.lr = lr;
    r.config.epochs = epochs;
    r.config.outDir = std::string("/runs/") + started; // differs by construction, not compared
    r.summary.bundle = r.config.outDir / "model.tsmodel";
    return r;
}

/** The keys of the differing rows, checking on the way that exactly those are highlighted. */
void collectDiffering(const RunComparisonModel& model, QStringList& keys) {
    for (int row = 0; row < model.rowCount(); ++row) {
        const bool differs = model.index(row, 1).data(RunComparisonModel::DiffersRole).toBool();
        QCOMPARE(differs, model.differs(row));
        // Highlighted exactly when different: bold and a background, in every column.
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant font = index.data(Qt::FontRole);
            QCOMPARE(font.isValid() && font.value<QFont>().bold(), differs);
            QCOMPARE(index.data(Qt::BackgroundRole).isValid(), differs);
        }
        if (differs) {
            keys << model.settingKey(row);
        }
    }
}

} // namespace

class TestRunComparisonModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void highlightsExactlyTheDifferingSettings() {
        RunComparisonModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns({run("2026-12-01T10:00:00Z", "mobilenet_v2", 1e-3, 10),
                       run("2026-12-01T11:00:00Z", "resnet18", 3e-4, 10),
                       run("2026-12-01T12:00:00Z", "mobilenet_v2", 1e-3, 25)});
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.runCount(), 3);
        QVERIFY(model.rowCount() > 20); // every setting of the configuration, not a chosen few
        QStringList differing;
        collectDiffering(model, differing);
        differing.sort();
        QCOMPARE(differing, (QStringList{QStringLiteral("arch"), QStringLiteral("epochs"),
                                         QStringLiteral("optimizer.lr")}));
        QCOMPARE(model.rowOf(QStringLiteral("outDir")), -1);
        QVERIFY(model.rowOf(QStringLiteral("schedule.kind")) >= 0); // nested objects flattened

        const int lr = model.rowOf(QStringLiteral("optimizer.lr"));
        QVERIFY(lr >= 0);
        QCOMPARE(model.index(lr, 0).data().toString(), QStringLiteral("optimizer.lr"));
        QCOMPARE(model.index(lr, 1).data().toString(), QStringLiteral("0.001"));
        QCOMPARE(model.index(lr, 2).data().toString(), QStringLiteral("0.0003"));
        const int batch = model.rowOf(QStringLiteral("batchSize"));
        QVERIFY(batch >= 0 && !model.differs(batch));
        QCOMPARE(model.index(batch, 3).data().toString(), QStringLiteral("32"));
        QVERIFY(model.headerData(2, Qt::Horizontal).toString().contains(QStringLiteral("ResNet")));
        QVERIFY(!model.headerData(1, Qt::Horizontal, Qt::DecorationRole).value<QIcon>().isNull());

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setOnlyDifferences(true);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("batchSize")), -1);
        model.setOnlyDifferences(false);
        QVERIFY(model.rowCount() > 20);
    }

    void oneRunOrEqualRunsDifferInNothing() {
        RunComparisonModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList differing;
        model.setRuns({run("2026-12-01T10:00:00Z", "mobilenet_v2", 1e-3, 10)});
        collectDiffering(model, differing);
        QVERIFY(differing.isEmpty());
        model.setRuns({run("2026-12-01T10:00:00Z", "mobilenet_v2", 1e-3, 10),
                       run("2026-12-02T10:00:00Z", "mobilenet_v2", 1e-3, 10)});
        collectDiffering(model, differing);
        QVERIFY2(differing.isEmpty(), qPrintable(differing.join(QLatin1Char(' '))));
        model.setOnlyDifferences(true);
        QCOMPARE(model.rowCount(), 0);
        model.setRuns({});
        QCOMPARE(model.columnCount(), 1);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestRunComparisonModel)
#include "tst_run_comparison_model.moc"
