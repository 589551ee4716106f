// Images per class and split as a table: counts, in-place updates, resets on new classes.

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "core/data/dataset.h"
#include "ui/models/class_count_model.h"

using namespace tstudio;
using tstudio::ui::ClassCountModel;

namespace {

data::Dataset makeDataset(const std::vector<std::string>& classes,
                          const std::vector<std::pair<int, data::Split>>& samples) {
    data::Dataset dataset(data::DatasetKind::Custom, "/tmp/none");
    for (const std::string& name : classes) {
        dataset.addClass(name);
    }
    int n = 0;
    for (const auto& [label, split] : samples) {
        data::Sample sample;
        sample.path = "/tmp/none/" + std::to_string(n++) + ".png";
        sample.label = label;
        sample.split = split;
        dataset.addSample(sample);
    }
    return dataset;
}

qint64 countAt(const ClassCountModel& model, int row, int column) {
    return model.index(row, column).data(ClassCountModel::CountRole).toLongLong();
}

} // namespace

class TestClassCountModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsPerClassAndSplit() {
        ClassCountModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        using data::Split;
        model.setDataset(makeDataset({"ants", "bees"}, {{0, Split::Train},
                                                        {0, Split::Train},
                                                        {0, Split::Val},
                                                        {1, Split::Test},
                                                        {1, Split::None},
                                                        {data::kUnlabeled, Split::Train}}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ClassCountModel::ColumnCount));
        QCOMPARE(model.index(0, ClassCountModel::Class).data().toString(), QStringLiteral("ants"));
        QCOMPARE(countAt(model, 0, ClassCountModel::Train), 2);
        QCOMPARE(countAt(model, 0, ClassCountModel::Val), 1);
        QCOMPARE(countAt(model, 0, ClassCountModel::Total), 3);
        QCOMPARE(countAt(model, 1, ClassCountModel::Test), 1);
        QCOMPARE(countAt(model, 1, ClassCountModel::NoSplit), 1);
        QCOMPARE(countAt(model, 1, ClassCountModel::Total), 2);
        QCOMPARE(model.splitTotal(Split::Train), 2); // the unlabeled image counts nowhere
        QCOMPARE(model.headerData(ClassCountModel::Val, Qt::Horizontal).toString(),
                 QStringLiteral("Val"));
    }

    void sameClassesUpdateInPlaceOtherClassesReset() {
        ClassCountModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        using data::Split;
        model.setDataset(makeDataset({"a", "b"}, {{0, Split::None}, {1, Split::None}}));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setDataset(makeDataset({"a", "b"}, {{0, Split::Train}, {1, Split::Val}}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(countAt(model, 1, ClassCountModel::Val), 1);

        model.setDataset(makeDataset({"a", "b", "c"}, {{2, Split::Train}}));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(countAt(model, 2, ClassCountModel::Train), 1);

        model.setDataset(data::Dataset{});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestClassCountModel)
#include "tst_class_count_model.moc"
