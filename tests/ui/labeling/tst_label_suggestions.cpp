// Suggested labels on the Label step: proposals appear once two classes have labels, mostly
// right on images whose class is obvious; Enter accepts (one undo step), Delete rejects, new
// labels start a new run, and "Least confident first" orders the grid by them.

#include <atomic>
#include <cmath>
#include <random>

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "core/data/dataset_opener.h"
#include "core/training/model_bundle.h"
#include "core/training/model_suggestions.h"
#include "core/training/trainer.h"
#include "tests/test_support.h"
#include "ui/labeling/image_filter_model.h"
#include "ui/labeling/image_grid_model.h"
#include "ui/labeling/label_suggestions.h"
#include "ui/labeling/labeling_page.h"
#include "ui/labeling/thumbnail_loader.h"
#include "ui/project/project_state.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

constexpr int kPerClass = 12;
constexpr std::size_t kLabelled = 15; // the first 5 of each class (the images alternate)
const QColor kColours[] = {QColor(220, 30, 30), QColor(30, 200, 40), QColor(30, 40, 220)};

/** An image of class cls: its colour as background, a few random shapes, noise. */
QImage classImage(int cls, std::mt19937& rng) {
    QImage image(64, 64, QImage::Format_RGB32);
    std::uniform_int_distribution<int> shade(-30, 30);
    const QColor base = kColours[cls];
    image.fill(QColor(std::clamp(base.red() + shade(rng), 0, 255),
                      std::clamp(base.green() + shade(rng), 0, 255),
                      std::clamp(base.blue() + shade(rng), 0, 255)));
    QPainter painter(&image);
    std::uniform_int_distribution<int> any(0, 255);
    std::uniform_int_distribution<int> pos(0, 48);
    for (int s = 0; s < 2; ++s) {
        painter.setBrush(QColor(any(rng), any(rng), any(rng)));
        painter.drawEllipse(pos(rng), pos(rng), 12, 12);
    }
    return image;
}

/**
 * Writes kPerClass images of each of the classes red, green, blue into folder (interleaved:
 * truth gets each image's class) and opens them in state as a project whose first kLabelled
 * images are labelled (5 per class, 21 to suggest), on the shared MobileNetV2.
 */
bool fillColourProject(ui::ProjectState& state, const QString& folder, std::vector<int>& truth) {
    std::mt19937 rng(3);
    for (int i = 0; i < kPerClass; ++i) {
        for (int cls = 0; cls < 3; ++cls) {
            const QString name = QStringLiteral("%1/img%2.png")
                                     .arg(folder)
                                     .arg(truth.size(), 3, 10, QLatin1Char('0'));
            if (!classImage(cls, rng).save(name)) {
                return false;
            }
            truth.push_back(cls);
        }
    }
    auto opened = data::openDataset(folder.toStdString(), {}, true);
    if (!opened) {
        return false;
    }
    data::Dataset dataset = std::move(opened).value();
    for (const char* name : {"red", "green", "blue"}) {
        dataset.addClass(name);
    }
    for (std::size_t i = 0; i < kLabelled; ++i) {
        dataset.relabel(i, truth[i]);
    }
    auto config = state.config();
    config.arch = "mobilenet_v2";
    config.weights =
        fs::path(test::sharedDir().toStdString()) / "weights/mobilenet_v2_imagenet_dequantized.pth";
    state.setConfig(config);
    state.setDataset(dataset);
    return true;
}

} // namespace

class TestLabelSuggestions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TransferStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_label_suggestions"));
        QSettings().clear();
    }

    void suggestAcceptRejectAndOrder() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        std::vector<int> truth;
        ui::ProjectState state;
        QVERIFY(fillColourProject(state, tmp.path(), truth));

        QUndoStack undo;
        QTemporaryDir cache;
        ui::ThumbnailLoader loader(64, cache.path());
        ui::LabelingPage page(&state, &undo, &loader);
        ui::LabelSuggestions* suggestions = page.suggestions();
        suggestions->setRefreshDelay(10);
        QSignalSpy finished(suggestions, &ui::LabelSuggestions::finished);
        QVERIFY(page.suggestBox()->isChecked()); // on by default
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));

        int right = 0;
        int suggested = 0;
        for (std::size_t i = kLabelled; i < truth.size(); ++i) {
            if (const auto* s = suggestions->suggestionFor(i)) {
                ++suggested;
                right += s->label == truth[i] ? 1 : 0;
                QVERIFY(s->confidence > 0 && s->confidence <= 1);
            }
        }
        QCOMPARE(suggested, 21);
        // At least 90 % right (19 of 21) after 5 labels per class.
        QVERIFY2(right >= 19, qPrintable(QStringLiteral("%1 of 21 right").arg(right)));
        // The grid shows the proposal on the thumbnail.
        const QModelIndex shown = page.gridModel()->index(static_cast<int>(kLabelled));
        QVERIFY(shown.data(Qt::DisplayRole).toString().contains(QLatin1Char('%')));
        QCOMPARE(shown.data(ui::ImageGridModel::SuggestedLabelRole).toInt(),
                 suggestions->suggestionFor(kLabelled)->label);

        // Least confident first: the suggested images lead, ascending confidence.
        page.orderCombo()->setCurrentIndex(
            page.orderCombo()->findText(QStringLiteral("Least confident first")));
        double previous = -1;
        for (int row = 0; row < 21; ++row) {
            const double c = page.filterModel()
                                 ->index(row, 0)
                                 .data(ui::ImageGridModel::SuggestionConfidenceRole)
                                 .toDouble();
            QVERIFY(c >= previous);
            previous = c;
        }

        // Enter accepts the current image's suggestion, as one undo step.
        QVERIFY(page.selectSample(20));
        const int proposed = suggestions->suggestionFor(20)->label;
        QTest::keyClick(page.grid(), Qt::Key_Return);
        QCOMPARE(state.dataset().sample(20).label, proposed);
        QCOMPARE(undo.undoText(), QStringLiteral("Accept 1 Suggestion"));
        QVERIFY(suggestions->suggestionFor(20) == nullptr);
        undo.undo();
        QCOMPARE(state.dataset().sample(20).label, data::kUnlabeled);

        // Delete rejects: the image stays unlabeled, without a proposal.
        QVERIFY(page.selectSample(21));
        QTest::keyClick(page.grid(), Qt::Key_Delete);
        QCOMPARE(state.dataset().sample(21).label, data::kUnlabeled);
        QVERIFY(suggestions->suggestionFor(21) == nullptr);

        // New labels start a new run (features cached: it only re-scores).
        finished.clear();
        QVERIFY(page.selectSample(22));
        QTest::keyClick(page.grid(), Qt::Key_1);
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.last().at(0).toBool());
        QVERIFY(suggestions->suggestionFor(22) == nullptr); // labelled now
    }

    void suggestionsFromTheLastTrainedModel() {
        TSTUDIO_REQUIRE_SHARED();
        QTemporaryDir tmp;
        std::vector<int> truth;
        ui::ProjectState state;
        QVERIFY(fillColourProject(state, tmp.path(), truth));

        QUndoStack undo;
        QTemporaryDir cache;
        ui::ThumbnailLoader loader(64, cache.path());
        ui::LabelingPage page(&state, &undo, &loader);
        ui::LabelSuggestions* suggestions = page.suggestions();
        suggestions->setRefreshDelay(10);
        QComboBox* source = page.suggestSourceCombo();
        QCOMPARE(source->count(), 2);
        QCOMPARE(source->currentText(), QStringLiteral("Features (nearest class centroid)"));
        // No model yet: the choice is there, disabled, and says why.
        const auto* items = qobject_cast<QStandardItemModel*>(source->model());
        QVERIFY(items != nullptr);
        QVERIFY(!items->item(1)->isEnabled());
        QVERIFY(source->itemData(1, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("No model trained yet")));

        // A small model trained here on the 15 labelled images (the trainer takes those only).
        training::TrainingConfig config = training::recommendedConfig(training::TrainMode::Feature);
        config.arch = "mobilenet_v2";
        config.weights = state.config().weights;
        config.inputSize = 96;
        config.epochs = 10;
        config.batchSize = 8;
        config.augment = false;
        config.seed = 1;
        config.outDir = fs::path(tmp.path().toStdString()) / "run";
        training::TrainingObserver quiet;
        training::TrainingControl control;
        const auto summary = training::train(config, state.dataset(), quiet, control);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        const QString bundle = QString::fromStdString(summary->bundle.string());

        state.setLastBundle(bundle);
        QTRY_VERIFY_WITH_TIMEOUT(suggestions->canUseLastModel(), 10000);
        QVERIFY(items->item(1)->isEnabled());
        QCOMPARE(source->itemText(1),
                 QStringLiteral("Last trained model: %1").arg(QFileInfo(bundle).fileName()));

        QSignalSpy finished(suggestions, &ui::LabelSuggestions::finished);
        source->setCurrentIndex(1);
        QCOMPARE(suggestions->source(), ui::LabelSuggestions::Source::LastModel);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !suggestions->isRunning(), 120000);
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QVERIFY(finished.last().at(1).toString().contains(QStringLiteral("last trained model")));

        // The same as core's suggestFromModel with that bundle: the model's, not the features'.
        auto model = training::BundleClassifier::open(summary->bundle);
        QVERIFY(model.ok());
        const std::atomic_bool never{false};
        const auto expected = training::suggestFromModel(*model, state.dataset(), {}, {}, never);
        QVERIFY(expected.ok());
        QCOMPARE(expected->suggestions.size(), std::size_t{21});
        for (const inference::Suggestion& want : expected->suggestions) {
            const inference::Suggestion* got = suggestions->suggestionFor(want.sampleIndex);
            QVERIFY(got != nullptr);
            QCOMPARE(got->label, want.label);
            QVERIFY(std::abs(got->confidence - want.confidence) < 1e-5f);
        }

        // Labels change: a new run from the model, without the image labelled now.
        finished.clear();
        QVERIFY(page.selectSample(kLabelled));
        QTest::keyClick(page.grid(), Qt::Key_1);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !suggestions->isRunning(), 120000);
        QVERIFY(finished.last().at(0).toBool());
        QVERIFY(suggestions->suggestionFor(kLabelled) == nullptr);
        QVERIFY(suggestions->suggestionFor(kLabelled + 1) != nullptr);

        // A class the model does not know: it cannot suggest for this project any more; the
        // page says why and goes back to the features.
        state.addClass("purple");
        QVERIFY(!suggestions->canUseLastModel());
        QVERIFY(!items->item(1)->isEnabled());
        QVERIFY(source->itemData(1, Qt::ToolTipRole).toString().contains(QStringLiteral("purple")));
        QCOMPARE(suggestions->source(), ui::LabelSuggestions::Source::Features);
    }

    void tooFewLabelsSaysWhatIsMissing() {
        ui::ProjectState state;
        data::Dataset dataset(data::DatasetKind::Custom, "/nonexistent");
        dataset.addClass("a");
        dataset.addClass("b");
        for (int i = 0; i < 3; ++i) {
            data::Sample sample;
            sample.path = "/nonexistent/x.png";
            sample.label = i == 0 ? 0 : data::kUnlabeled;
            dataset.addSample(sample);
        }
        state.setDataset(dataset);
        ui::LabelSuggestions suggestions(&state);
        QSignalSpy finished(&suggestions, &ui::LabelSuggestions::finished);
        suggestions.setEnabled(true);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("two classes")));
        QVERIFY(!suggestions.isRunning());
    }
};

QTEST_MAIN(TestLabelSuggestions)
#include "tst_label_suggestions.moc"
