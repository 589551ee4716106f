// The Classify step's results table: consistent for QAbstractItemModelTester as rows arrive in
// batches and the table is cleared, and it sorts by probability through the page's proxy.

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

#include "ui/models/classification_results_model.h"

using tstudio::ui::ClassificationResultsModel;
using tstudio::ui::ClassifiedImage;

namespace {

ClassifiedImage classified(const QString& path, float top, float second) {
    ClassifiedImage image;
    image.path = path;
    image.probabilities = {top, second, 1.0F - top - second};
    image.top = {{0, "bee", top}, {1, "ant", second}};
    image.thumbnail = QImage(8, 8, QImage::Format_RGB32);
    return image;
}

ClassifiedImage unreadable(const QString& path) {
    ClassifiedImage image;
    image.path = path;
    image.error = path + QStringLiteral(": not an image");
    return image;
}

} // namespace

class TestClassificationResultsModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTesterAsBatchesArrive() {
        ClassificationResultsModel model;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(ClassificationResultsModel::SortRole);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClasses({QStringLiteral("bee"), QStringLiteral("ant"), QStringLiteral("fly")});
        model.appendImages({classified(QStringLiteral("/a/1.jpg"), 0.5F, 0.3F),
                            unreadable(QStringLiteral("/a/2.jpg"))});
        model.appendImages({classified(QStringLiteral("/a/3.jpg"), 0.9F, 0.05F)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ClassificationResultsModel::ColumnCount));
        QCOMPARE(model.classifiedCount(), 2);
        QCOMPARE(model.index(1, ClassificationResultsModel::TopClass).data().toString(),
                 QStringLiteral("unreadable"));
        QVERIFY(model.index(1, ClassificationResultsModel::TopClasses)
                    .data()
                    .toString()
                    .contains(QStringLiteral("not an image")));
        QVERIFY(!model.index(0, ClassificationResultsModel::File)
                     .data(Qt::DecorationRole)
                     .value<QImage>()
                     .isNull());
        const QVariantList bars = model.index(0, ClassificationResultsModel::TopClasses)
                                      .data(ClassificationResultsModel::TopClassesRole)
                                      .toList();
        QCOMPARE(bars.size(), 2);
        QCOMPARE(bars[0].toList()[0].toString(), QStringLiteral("bee"));
        QCOMPARE(bars[0].toList()[1].toDouble(), 0.5);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.classes().size(), 3); // the model's classes stay for the next job
    }

    void sortsByProbability() {
        ClassificationResultsModel model;
        model.appendImages({classified(QStringLiteral("/a/mid.jpg"), 0.6F, 0.2F),
                            unreadable(QStringLiteral("/a/bad.jpg")),
                            classified(QStringLiteral("/a/high.jpg"), 0.95F, 0.01F),
                            classified(QStringLiteral("/a/low.jpg"), 0.4F, 0.35F)});
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(ClassificationResultsModel::SortRole);
        sorted.sort(ClassificationResultsModel::Probability, Qt::DescendingOrder);
        const auto fileAt = [&](int row) {
            return sorted.index(row, ClassificationResultsModel::File).data().toString();
        };
        QCOMPARE(fileAt(0), QStringLiteral("high.jpg"));
        QCOMPARE(fileAt(1), QStringLiteral("mid.jpg"));
        QCOMPARE(fileAt(2), QStringLiteral("low.jpg"));
        QCOMPARE(fileAt(3), QStringLiteral("bad.jpg")); // unreadable: last by falling probability
        sorted.sort(ClassificationResultsModel::Probability, Qt::AscendingOrder);
        QCOMPARE(fileAt(0), QStringLiteral("bad.jpg"));
        QCOMPARE(fileAt(1), QStringLiteral("low.jpg"));
        // New rows land in their sorted place.
        model.appendImages({classified(QStringLiteral("/a/top.jpg"), 0.99F, 0.0F)});
        QCOMPARE(fileAt(4), QStringLiteral("top.jpg"));
    }
};

QTEST_MAIN(TestClassificationResultsModel)
#include "tst_classification_results_model.moc"
