// The labelling grid's models: every row of the project with its roles, updated row by row as
// commands edit labels (also while a filter hides rows), and the filters and orders the grid
// offers. Both pass QAbstractItemModelTester through every kind of edit.

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "ui/labeling/image_filter_model.h"
#include "ui/labeling/image_grid_model.h"
#include "ui/labeling/label_commands.h"
#include "ui/project/project_state.h"

using namespace tstudio;
using tstudio::ui::ClassCommand;
using tstudio::ui::ImageFilterModel;
using tstudio::ui::ImageGridModel;
using tstudio::ui::ProjectState;

namespace {

/** Six samples named c, a, f, b, e, d.jpg; classes ant, bee; labels ant, -, bee, -, ant, -;
    sample 5 excluded; samples 0-2 train, 3-5 val. */
void fill(ProjectState& state, const QString& folder = QStringLiteral("/photos")) {
    data::Dataset dataset(data::DatasetKind::Custom, folder.toStdString());
    dataset.addClass("ant");
    dataset.addClass("bee");
    const char* names[] = {"c.jpg", "a.jpg", "f.jpg", "b.jpg", "e.jpg", "d.jpg"};
    const int labels[] = {0, data::kUnlabeled, 1, data::kUnlabeled, 0, data::kUnlabeled};
    for (int i = 0; i < 6; ++i) {
        data::Sample sample;
        sample.path = std::filesystem::path(folder.toStdString()) / names[i];
        sample.label = labels[i];
        sample.split = i < 3 ? data::Split::Train : data::Split::Val;
        sample.excluded = i == 5;
        dataset.addSample(sample);
    }
    state.setDataset(dataset);
}

/** The sample indices a proxy shows, in its order. */
std::vector<int> shown(const ImageFilterModel& filter) {
    std::vector<int> rows;
    for (int row = 0; row < filter.rowCount(); ++row) {
        rows.push_back(filter.index(row, 0).data(ImageGridModel::SampleRole).toInt());
    }
    return rows;
}

} // namespace

class TestImageGridModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rolesDescribeEachSample() {
        ProjectState state;
        fill(state);
        ImageGridModel model(&state, nullptr);
        QCOMPARE(model.rowCount(), 6);
        const QModelIndex third = model.index(2);
        QCOMPARE(third.data(Qt::DisplayRole).toString(), QStringLiteral("f.jpg"));
        QCOMPARE(third.data(ImageGridModel::LabelRole).toInt(), 1);
        QCOMPARE(third.data(ImageGridModel::ClassNameRole).toString(), QStringLiteral("bee"));
        QCOMPARE(third.data(ImageGridModel::SplitRole).toInt(), int(data::Split::Train));
        QCOMPARE(third.data(ImageGridModel::ExcludedRole).toBool(), false);
        QCOMPARE(third.data(ImageGridModel::PathRole).toString(), QStringLiteral("/photos/f.jpg"));
        QCOMPARE(third.data(ImageGridModel::SampleRole).toLongLong(), 2);
        QVERIFY(model.index(1).data(ImageGridModel::ClassNameRole).toString().isEmpty());
        QVERIFY(model.index(5).data(ImageGridModel::ExcludedRole).toBool());
        QVERIFY(model.flags(third) & Qt::ItemIsDragEnabled);
    }

    void editsChangeOnlyTheirRows() {
        ProjectState state;
        fill(state);
        ImageGridModel model(&state, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QUndoStack undo;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        undo.push(new ui::LabelCommand(&state, {1, 3}, 1));
        QCOMPARE(changed.count(), 2); // rows 1 and 3, not the ones between
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 3);
        changed.clear();
        undo.push(new ui::ExcludeCommand(&state, {2, 3, 4}, true));
        QCOMPARE(changed.count(), 1); // one run of rows
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 4);
        QVERIFY(model.index(3).data(ImageGridModel::ExcludedRole).toBool());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        data::Sample added;
        added.path = "/elsewhere/new.png";
        undo.push(new ui::AddImagesCommand(&state, {added, added}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.index(7).data().toString(), QStringLiteral("new.png"));
        undo.undo();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 6);

        undo.push(ClassCommand::rename(&state, 1, "wasp"));
        QCOMPARE(model.index(2).data(ImageGridModel::ClassNameRole).toString(),
                 QStringLiteral("wasp"));
        undo.push(ClassCommand::merge(&state, 0, 1));
        QCOMPARE(model.index(0).data(ImageGridModel::ClassNameRole).toString(),
                 QStringLiteral("wasp"));
        undo.push(ClassCommand::remove(&state, 0));
        QCOMPARE(model.index(0).data(ImageGridModel::LabelRole).toInt(), data::kUnlabeled);
        while (undo.canUndo()) {
            undo.undo();
        }
        QCOMPARE(model.index(0).data(ImageGridModel::ClassNameRole).toString(),
                 QStringLiteral("ant"));
        QCOMPARE(reset.count(), 0); // edits never reset the grid (scroll and selection stay)
        fill(state);
        QCOMPARE(reset.count(), 1); // a new dataset does
    }

    void filtersFollowEditsThroughCommands() {
        ProjectState state;
        fill(state);
        ImageGridModel model(&state, nullptr);
        ImageFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QUndoStack undo;

        filter.setShow(ImageFilterModel::Show::Unlabeled);
        QCOMPARE(shown(filter), (std::vector<int>{1, 3})); // 5 is excluded, not waiting
        undo.push(new ui::LabelCommand(&state, {1}, 0));
        QCOMPARE(shown(filter), (std::vector<int>{3}));
        undo.undo();
        QCOMPARE(shown(filter), (std::vector<int>{1, 3}));
        undo.push(new ui::ExcludeCommand(&state, {3}, true));
        QCOMPARE(shown(filter), (std::vector<int>{1}));
        undo.undo();

        filter.setShow(ImageFilterModel::Show::Class, 0);
        QCOMPARE(shown(filter), (std::vector<int>{0, 4}));
        undo.push(new ui::LabelCommand(&state, {3}, 0));
        QCOMPARE(shown(filter), (std::vector<int>{0, 3, 4}));
        undo.push(ClassCommand::merge(&state, 1, 0)); // bee's image 2 joins ant
        QCOMPARE(shown(filter), (std::vector<int>{0, 2, 3, 4}));
        undo.undo();
        undo.push(ClassCommand::remove(&state, 0));
        QCOMPARE(shown(filter), (std::vector<int>{2})); // bee is class 0 now
        undo.undo();
        undo.undo();

        filter.setShow(ImageFilterModel::Show::Excluded);
        QCOMPARE(shown(filter), (std::vector<int>{5}));
        filter.setShow(ImageFilterModel::Show::Split, int(data::Split::Val));
        QCOMPARE(shown(filter), (std::vector<int>{3, 4, 5}));
        data::Sample added;
        added.path = "/photos/g.jpg";
        added.split = data::Split::Val;
        undo.push(new ui::AddImagesCommand(&state, {added}));
        QCOMPARE(shown(filter), (std::vector<int>{3, 4, 5, 6}));
        undo.undo();
        filter.setShow(ImageFilterModel::Show::All);
        QCOMPARE(filter.rowCount(), 6);
    }

    void problemsFromTheDatasetCheck() {
        ProjectState state;
        fill(state);
        ImageGridModel model(&state, nullptr);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImageFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setShow(ImageFilterModel::Show::Problem, ImageFilterModel::kAnyProblem);
        QCOMPARE(filter.rowCount(), 0); // no check yet
        QVERIFY(model.index(1).data(ImageGridModel::ProblemsRole).toStringList().isEmpty());

        data::DatasetReport report;
        report.sampleCount = 6;
        report.problems.push_back({data::ProblemKind::NotAnImage,
                                   "/photos/a.jpg: the content is no image format",
                                   {"/photos/a.jpg"}});
        report.problems.push_back({data::ProblemKind::Duplicate,
                                   "2 identical images (keep one)",
                                   {"/photos/c.jpg", "/photos/e.jpg"}});
        // Names a class, not a file: no image is marked by it.
        report.problems.push_back(
            {data::ProblemKind::TooFewImages, "class \"bee\" has 1 image", {"bee"}});
        report.problems.push_back({data::ProblemKind::TooSmall,
                                   "1 image is small",
                                   {"/elsewhere/a.jpg"}}); // another folder's file
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        state.setReport(report);
        QCOMPARE(changed.count(), 1);
        const auto roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(ImageGridModel::ProblemsRole));
        QVERIFY(roles.contains(Qt::DecorationRole));

        // The file's own name is left out of its problem's text; kinds in the same order.
        QCOMPARE(model.index(1).data(ImageGridModel::ProblemsRole).toStringList(),
                 QStringList{QStringLiteral("the content is no image format")});
        QCOMPARE(model.index(1).data(ImageGridModel::ProblemKindsRole).toList(),
                 QVariantList{int(data::ProblemKind::NotAnImage)});
        QCOMPARE(model.index(4).data(ImageGridModel::ProblemsRole).toStringList(),
                 QStringList{QStringLiteral("2 identical images (keep one)")});
        QVERIFY(model.index(1)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Problem: the content is no image format")));
        QVERIFY(!model.hasProblems(2) && !model.hasProblems(3) && !model.hasProblems(5));
        QVERIFY(model.hasProblem(0, data::ProblemKind::Duplicate));
        QVERIFY(!model.hasProblem(0, data::ProblemKind::NotAnImage));

        QCOMPARE(shown(filter), (std::vector<int>{0, 1, 4}));
        filter.setShow(ImageFilterModel::Show::Problem, int(data::ProblemKind::NotAnImage));
        QCOMPARE(shown(filter), (std::vector<int>{1}));
        filter.setShow(ImageFilterModel::Show::Problem, int(data::ProblemKind::TooSmall));
        QCOMPARE(shown(filter), (std::vector<int>{}));

        // Labels change, problems stay; an added image has none; a new dataset drops them.
        filter.setShow(ImageFilterModel::Show::Problem, ImageFilterModel::kAnyProblem);
        QUndoStack undo;
        undo.push(new ui::LabelCommand(&state, {1}, 1));
        QCOMPARE(shown(filter), (std::vector<int>{0, 1, 4}));
        data::Sample added;
        added.path = "/photos/g.jpg";
        undo.push(new ui::AddImagesCommand(&state, {added}));
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(shown(filter), (std::vector<int>{0, 1, 4}));
        undo.undo();
        QCOMPARE(shown(filter), (std::vector<int>{0, 1, 4}));
        fill(state);
        QVERIFY(state.report().problems.empty());
        QCOMPARE(filter.rowCount(), 0);
    }

    void ordersByNameClassAndDate() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ProjectState state;
        fill(state, dir.path());
        // Modification dates in the reverse order of the names.
        const QDateTime base = QDateTime::currentDateTime().addDays(-1);
        const char* names[] = {"a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg", "f.jpg"};
        for (int i = 0; i < 6; ++i) {
            QFile file(dir.filePath(QString::fromLatin1(names[i])));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("x");
            file.flush(); // a write left in the buffer would set the time again on close
            QVERIFY(file.setFileTime(base.addSecs(100 - i), QFileDevice::FileModificationTime));
        }
        ImageGridModel model(&state, nullptr);
        ImageFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(shown(filter), (std::vector<int>{0, 1, 2, 3, 4, 5}));
        filter.setOrder(ImageFilterModel::Order::Name);
        QCOMPARE(shown(filter), (std::vector<int>{1, 3, 0, 5, 4, 2})); // a b c d e f
        filter.setOrder(ImageFilterModel::Order::Modified);
        QCOMPARE(shown(filter), (std::vector<int>{2, 4, 5, 0, 3, 1})); // f e d c b a
        filter.setOrder(ImageFilterModel::Order::Class);
        // Unlabeled first (by name: a b d), then ant (c e), then bee (f).
        QCOMPARE(shown(filter), (std::vector<int>{1, 3, 5, 0, 4, 2}));
        QUndoStack undo;
        undo.push(new ui::LabelCommand(&state, {1}, 1)); // a.jpg becomes bee: moves to the end
        QCOMPARE(shown(filter), (std::vector<int>{3, 5, 0, 4, 1, 2}));
        filter.setOrder(ImageFilterModel::Order::Dataset);
        QCOMPARE(shown(filter), (std::vector<int>{0, 1, 2, 3, 4, 5}));
    }

    void dragsCarryTheSamples() {
        ProjectState state;
        fill(state);
        ImageGridModel model(&state, nullptr);
        ImageFilterModel filter;
        filter.setSourceModel(&model);
        filter.setShow(ImageFilterModel::Show::Unlabeled);
        // Through the proxy, as the grid asks: proxy rows map to the samples 1 and 3.
        std::unique_ptr<QMimeData> mime(filter.mimeData({filter.index(0, 0), filter.index(1, 0)}));
        QVERIFY(mime);
        QCOMPARE(ImageGridModel::samplesFromMime(mime.get()), (std::vector<std::size_t>{1, 3}));
        QCOMPARE(mime->urls().size(), 2);
        QCOMPARE(mime->urls().at(0).toLocalFile(), QStringLiteral("/photos/a.jpg"));
        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(QStringLiteral("/x.jpg"))});
        QVERIFY(ImageGridModel::samplesFromMime(&files).empty());
    }
};

QTEST_GUILESS_MAIN(TestImageGridModel)
#include "tst_image_grid_model.moc"
