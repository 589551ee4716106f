// The Evaluate step on a real bundle trained here: the confusion matrix, a clicked cell's gallery,
// top losses, relabel and exclude from the gallery as undoable project edits, the report files.

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QListView>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "core/training/trainer.h"
#include "tests/ui/train/tiny_dataset.h"
#include "ui/evaluation/class_metrics_model.h"
#include "ui/evaluation/confusion_matrix_plot.h"
#include "ui/evaluation/evaluation_page.h"
#include "ui/evaluation/image_outcome_model.h"
#include "ui/labeling/thumbnail_loader.h"
#include "ui/project/project_state.h"

using namespace tstudio;

namespace {

class Quiet final : public training::TrainingObserver {};

/** The images of every (true, predicted) cell, read from the report itself. */
std::size_t cellCount(const training::EvaluationReport& report, int t, int p) {
    std::size_t n = 0;
    for (const auto& image : report.images) {
        n += image.trueClass == t && image.predicted == p ? 1 : 0;
    }
    return n;
}

} // namespace

class TestEvaluationPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void evaluatesTheBundle();
    void clickedCellShowsExactlyItsImages();
    void topLossesComeMostConfidentlyWrongFirst();
    void relabelAndExcludeAreUndoableProjectEdits();
    void exportsTheReportFiles();
    void normalisedCellsShowShares();

private:
    void evaluateNow();

    QTemporaryDir m_dir;
    QString m_bundle;
    std::unique_ptr<ui::ProjectState> m_state;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<ui::ThumbnailLoader> m_loader;
    std::unique_ptr<ui::EvaluationPage> m_page;
};

void TestEvaluationPage::initTestCase() {
    QVERIFY(m_dir.isValid());
    const data::Dataset dataset =
        test::writeTinyDataset(m_dir.filePath(QStringLiteral("images")), 3, 8, 32);
    training::TrainingConfig config;
    config.arch = "mobilenet_v3_small";
    config.fromScratch = true;
    config.inputSize = 32;
    config.mode = training::TrainMode::FineTune;
    config.epochs = 2;
    config.batchSize = 8;
    config.optimizer.lr = 3e-3;
    config.augment = false;
    config.seed = 5;
    config.outDir = m_dir.filePath(QStringLiteral("run")).toStdString();
    Quiet observer;
    training::TrainingControl control;
    auto summary = training::train(config, dataset, observer, control);
    QVERIFY2(summary.ok(), summary ? "" : summary.message().c_str());
    m_bundle = QString::fromStdString(summary->bundle.string());

    m_state = std::make_unique<ui::ProjectState>();
    m_state->setDataset(dataset);
    m_undo = std::make_unique<QUndoStack>();
    m_loader = std::make_unique<ui::ThumbnailLoader>(64, QString());
    m_page = std::make_unique<ui::EvaluationPage>(m_state.get(), m_undo.get(), m_loader.get());
    new QAbstractItemModelTester(m_page->cellImages(), m_page.get());
    new QAbstractItemModelTester(m_page->topLosses(), m_page.get());
    m_page->resize(1200, 800);
    m_page->setBundle(m_bundle);
    m_page->setSplit(data::Split::None);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    // Showing the step evaluates the chosen model at once.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->report() != nullptr, 120000);
}

void TestEvaluationPage::evaluateNow() {
    QSignalSpy ended(m_page.get(), &ui::EvaluationPage::evaluationEnded);
    m_page->evaluate();
    QVERIFY(ended.wait(120000));
    QVERIFY(m_page->report() != nullptr);
}

void TestEvaluationPage::evaluatesTheBundle() {
    evaluateNow();
    const auto report = m_page->report();
    QCOMPARE(report->summary.count, 24);
    QCOMPARE(report->images.size(), std::size_t{24});
    std::int64_t total = 0;
    for (const auto& row : report->summary.confusion) {
        for (const std::int64_t cell : row) {
            total += cell;
        }
    }
    QCOMPARE(total, 24);
    // The per-class table lists the classes in the bundle's order, as the matrix's axes do.
    const auto* table = m_page->findChild<QTableView*>(QStringLiteral("classMetrics"));
    QVERIFY(table != nullptr);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        QCOMPARE(
            table->model()->index(row, 0).data().toString(),
            QString::fromStdString(m_page->report()->classes.at(static_cast<std::size_t>(row))));
    }
}

void TestEvaluationPage::clickedCellShowsExactlyItsImages() {
    const auto report = m_page->report();
    // Every cell with images, off-diagonal ones first: each click must show exactly those.
    int checked = 0;
    for (int t = 0; t < 3; ++t) {
        for (int p = 0; p < 3; ++p) {
            const std::size_t expected = cellCount(*report, t, p);
            if (expected == 0) {
                continue;
            }
            ui::ConfusionMatrixPlot* plot = m_page->confusionPlot();
            const QPoint centre = plot->cellCentre(t, p);
            QCOMPARE(plot->cellAt(centre), std::make_pair(t, p));
            QCOMPARE(plot->cellText(t, p), QString::number(expected));
            QWidget* target = plot->childAt(centre);
            QVERIFY(target != nullptr);
            QTest::mouseClick(target, Qt::LeftButton, {}, target->mapFrom(plot, centre));
            ui::ImageOutcomeModel* gallery = m_page->cellImages();
            QCOMPARE(static_cast<std::size_t>(gallery->rowCount()), expected);
            double previous = 2.0;
            for (int row = 0; row < gallery->rowCount(); ++row) {
                const QModelIndex index = gallery->index(row);
                QCOMPARE(index.data(ui::ImageOutcomeModel::TrueClassRole).toInt(), t);
                QCOMPARE(index.data(ui::ImageOutcomeModel::PredictedRole).toInt(), p);
                const double probability =
                    index.data(ui::ImageOutcomeModel::ProbabilityRole).toDouble();
                QVERIFY(probability <= previous); // most confident first
                previous = probability;
            }
            ++checked;
        }
    }
    QVERIFY(checked >= 3);
}

void TestEvaluationPage::topLossesComeMostConfidentlyWrongFirst() {
    ui::ImageOutcomeModel* losses = m_page->topLosses();
    QCOMPARE(losses->rowCount(), 24);
    for (int row = 1; row < losses->rowCount(); ++row) {
        QVERIFY(losses->index(row - 1).data(ui::ImageOutcomeModel::LossRole).toDouble() >=
                losses->index(row).data(ui::ImageOutcomeModel::LossRole).toDouble());
    }
}

void TestEvaluationPage::relabelAndExcludeAreUndoableProjectEdits() {
    const auto report = m_page->report();
    const training::ImageOutcome& first = *m_page->topLosses()->outcomeAt(0);
    const std::size_t sample = first.sample;
    const int before = m_state->dataset().sample(sample).label;
    const int other = (before + 1) % 3;
    QListView* view = m_page->lossView();
    m_page->findChild<QTabWidget*>()->setCurrentWidget(view);
    view->selectionModel()->select(m_page->topLosses()->index(0),
                                   QItemSelectionModel::ClearAndSelect);

    m_page->relabelSelection(other);
    QCOMPARE(m_state->dataset().sample(sample).label, other);
    QVERIFY(m_page->topLosses()->index(0).data().toString().contains(QStringLiteral("now")));
    QVERIFY(m_undo->undoText().contains(QStringLiteral("Label")));
    m_undo->undo();
    QCOMPARE(m_state->dataset().sample(sample).label, before);

    m_page->excludeSelection();
    QVERIFY(m_state->dataset().sample(sample).excluded);
    m_undo->undo();
    QVERIFY(!m_state->dataset().sample(sample).excluded);

    // While a run trains, the labels are locked here as on the Label step.
    m_state->setTraining(true);
    m_page->relabelSelection(other);
    QCOMPARE(m_state->dataset().sample(sample).label, before);
    m_state->setTraining(false);
}

void TestEvaluationPage::exportsTheReportFiles() {
    const QString dir = m_dir.filePath(QStringLiteral("report"));
    QSignalSpy ended(m_page.get(), &ui::EvaluationPage::exportEnded);
    m_page->exportReportTo(dir);
    QVERIFY(ended.wait(30000));
    QCOMPARE(ended.first().first().toBool(), true);
    for (const char* name : {"per_class.csv", "predictions.csv", "confusion.png"}) {
        QVERIFY2(QFileInfo(QDir(dir).filePath(QString::fromLatin1(name))).size() > 0, name);
    }
}

void TestEvaluationPage::normalisedCellsShowShares() {
    ui::ConfusionMatrixPlot plot;
    plot.setMatrix({{3, 1}, {0, 0}}, {"ant", "bee"});
    QCOMPARE(plot.cellText(0, 0), QStringLiteral("3"));
    plot.setNormalised(true);
    QCOMPARE(plot.cellText(0, 0), QStringLiteral("75%"));
    QCOMPARE(plot.cellText(0, 1), QStringLiteral("25%"));
    QCOMPARE(plot.cellText(1, 1), QStringLiteral("0%"));

    ui::ClassMetricsModel model;
    QAbstractItemModelTester tester(&model);
    model.setMetrics({{0.5, 1.0, 0.667, 4}, {1.0, 0.0, 0.0, 2}}, {"ant", "bee"});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, ui::ClassMetricsModel::Class).data().toString(), QStringLiteral("bee"));
    QCOMPARE(model.index(0, ui::ClassMetricsModel::Support).data().toString(), QStringLiteral("4"));
}

QTEST_MAIN(TestEvaluationPage)
#include "tst_evaluation_page.moc"
