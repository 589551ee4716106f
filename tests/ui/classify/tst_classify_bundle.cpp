// The Classify step with a trained bundle, against the real `tstudio predict`: a tiny bundle is
// trained by the built tstudio binary, then a folder with good images, a damaged JPEG and a text
// file named .png is classified by the page and by `tstudio predict --csv`. The page lists the
// unreadable files with their reasons, classifies the rest with the same probabilities, and its
// CSV export has the CLI's columns and numbers.

#include <cmath>
#include <filesystem>

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "core/training/model_bundle.h"
#include "tests/app/cli/cli_runner.h"
#include "tests/core/data/dataset_fixtures.h"
#include "ui/classify/classify_page.h"
#include "ui/classify/grad_cam_preview.h"
#include "ui/classify/model_chooser.h"
#include "ui/common/settings_keys.h"
#include "ui/models/classification_results_model.h"

namespace fs = std::filesystem;
using tstudio::test::runCli;
using tstudio::ui::ClassificationResultsModel;
using tstudio::ui::ClassifyPage;
using tstudio::ui::GradCamPreview;

namespace {

QList<QStringList> csvRows(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QList<QStringList> rows;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.isEmpty()) {
            rows << QString::fromUtf8(line).split(QLatin1Char(','));
        }
    }
    return rows;
}

} // namespace

class TestClassifyBundle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        // Pasted images and settings go to the test folders, not the person's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tstudio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_classify_bundle"));
        QVERIFY(m_dir.isValid());
        const fs::path root = fs::path(m_dir.path().toStdString());
        int seed = 1;
        for (const char* name : {"cats", "dogs"}) {
            for (int i = 0; i < 6; ++i, ++seed) {
                tstudio::test::writeBytes(root / "data" / "train" / name /
                                              (std::to_string(i) + ".png"),
                                          tstudio::test::pngBytes(48, 48, seed));
            }
            for (int i = 0; i < 3; ++i, ++seed) {
                tstudio::test::writeBytes(root / "data" / "val" / name /
                                              (std::to_string(i) + ".png"),
                                          tstudio::test::pngBytes(48, 48, seed));
            }
        }
        const QString out = m_dir.filePath(QStringLiteral("run"));
        const tstudio::test::CliRun train =
            runCli({QStringLiteral("train"), QStringLiteral("--data"),
                    m_dir.filePath(QStringLiteral("data")), QStringLiteral("--out"), out,
                    QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--arch"),
                    QStringLiteral("mobilenet_v3_small"), QStringLiteral("--weights"),
                    QStringLiteral("none"), QStringLiteral("--size"), QStringLiteral("32"),
                    QStringLiteral("--batch"), QStringLiteral("4")});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        m_bundle = out + QStringLiteral("/model.tsmodel");
        QVERIFY(QFile::exists(m_bundle));

        // The folder to classify: five good images (more than fit one batch is not needed: the
        // worker's batching is the CLI's), a damaged JPEG and a text file that claims to be a PNG.
        const fs::path mixed = root / "mixed";
        for (int i = 0; i < 5; ++i, ++seed) {
            tstudio::test::writeBytes(mixed / ("good" + std::to_string(i) + ".png"),
                                      tstudio::test::pngBytes(40 + i, 36, seed));
        }
        std::vector<std::uint8_t> damaged = tstudio::test::jpegBytes(32, 32, seed);
        damaged.resize(40); // header only: the scan data is cut off
        tstudio::test::writeBytes(mixed / "damaged.jpg", damaged);
        tstudio::test::writeText(mixed / "notes.png", "these are my notes, not a picture\n");
        m_folder = QString::fromStdString(mixed.string());
    }

    void aFolderWithUnreadableFilesListsThemAndClassifiesTheRest() {
        ClassifyPage page;
        page.modelChooser()->chooseBundle(m_bundle);
        QSignalSpy ended(&page, &ClassifyPage::jobEnded);
        page.classifyFiles({m_folder});
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);

        const ClassificationResultsModel* results = page.results();
        QCOMPARE(results->rowCount(), 7);
        QCOMPARE(results->classifiedCount(), 5);
        QCOMPARE(results->classes(), (QStringList{QStringLiteral("cats"), QStringLiteral("dogs")}));
        QStringList unreadable;
        for (int row = 0; row < results->rowCount(); ++row) {
            const QString error =
                results->index(row, 0).data(ClassificationResultsModel::ErrorRole).toString();
            const QString name = QFileInfo(results->image(row).path).fileName();
            if (error.isEmpty()) {
                QVERIFY2(name.startsWith(QStringLiteral("good")), qPrintable(name));
                QCOMPARE(results->image(row).probabilities.size(), std::size_t{2});
                QVERIFY(!results->image(row).thumbnail.isNull());
            } else {
                unreadable << name;
                QVERIFY2(error.contains(name), qPrintable(error)); // the reason names the file
                QCOMPARE(
                    results->index(row, ClassificationResultsModel::TopClass).data().toString(),
                    QStringLiteral("unreadable"));
            }
        }
        unreadable.sort();
        QCOMPARE(unreadable,
                 (QStringList{QStringLiteral("damaged.jpg"), QStringLiteral("notes.png")}));
    }

    void givesTheSameProbabilitiesAndCsvAsTstudioPredict() {
        const QString cliCsv = m_dir.filePath(QStringLiteral("cli.csv"));
        const tstudio::test::CliRun predict =
            runCli({QStringLiteral("predict"), QStringLiteral("--model"), m_bundle,
                    QStringLiteral("--csv"), cliCsv, m_folder});
        QCOMPARE(predict.exitCode, 1); // kExitSomeInputsFailed: the two unreadable files

        ClassifyPage page;
        page.modelChooser()->chooseBundle(m_bundle);
        QSignalSpy ended(&page, &ClassifyPage::jobEnded);
        page.classifyFiles({m_folder});
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);

        // In memory: the page's numbers are BundleClassifier::predict's (what the CLI calls).
        auto classifier = tstudio::training::BundleClassifier::open(m_bundle.toStdString());
        QVERIFY2(classifier, classifier ? "" : classifier.message().c_str());
        std::vector<fs::path> good;
        for (const auto& image : page.results()->images()) {
            if (image.ok()) {
                good.emplace_back(image.path.toStdString());
            }
        }
        std::vector<tstudio::Error> failed;
        const auto predictions = classifier->predict(good, failed);
        QVERIFY(failed.empty());
        QCOMPARE(predictions.size(), std::size_t{5});
        std::size_t k = 0;
        for (const auto& image : page.results()->images()) {
            if (!image.ok()) {
                continue;
            }
            const auto& expected = predictions[k++];
            QCOMPARE(image.probabilities.size(), expected.probabilities.size());
            for (std::size_t c = 0; c < expected.probabilities.size(); ++c) {
                QVERIFY2(std::abs(image.probabilities[c] - expected.probabilities[c]) <= 1e-6F,
                         qPrintable(image.path));
            }
            QCOMPARE(image.top.front().index, expected.predicted);
        }

        // The page's CSV export is the CLI's: same header, rows, classes and numbers.
        const QString guiCsv = m_dir.filePath(QStringLiteral("gui.csv"));
        QSignalSpy written(&page, &ClassifyPage::csvWritten);
        page.exportCsv(guiCsv);
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 30000);
        QCOMPARE(written.first().first().toString(), guiCsv);
        const QList<QStringList> cli = csvRows(cliCsv);
        const QList<QStringList> gui = csvRows(guiCsv);
        QCOMPARE(cli.size(), 6); // header + the five good images
        QCOMPARE(gui.size(), cli.size());
        QCOMPARE(gui.first(), cli.first());
        QCOMPARE(gui.first(), (QStringList{QStringLiteral("path"), QStringLiteral("predicted"),
                                           QStringLiteral("cats"), QStringLiteral("dogs")}));
        for (qsizetype row = 1; row < cli.size(); ++row) {
            QCOMPARE(gui[row].size(), cli[row].size());
            QCOMPARE(gui[row][0], cli[row][0]);
            QCOMPARE(gui[row][1], cli[row][1]);
            for (qsizetype column = 2; column < cli[row].size(); ++column) {
                QVERIFY2(std::abs(gui[row][column].toDouble() - cli[row][column].toDouble()) <=
                             1e-6,
                         qPrintable(gui[row].join(QLatin1Char(','))));
            }
        }
    }

    void aPastedImageIsSavedAndClassified() {
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(200, 120, 40));
        QGuiApplication::clipboard()->setImage(image);
        ClassifyPage page;
        page.modelChooser()->chooseBundle(m_bundle);
        QSignalSpy ended(&page, &ClassifyPage::jobEnded);
        page.paste();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(page.results()->rowCount(), 1);
        const auto& pasted = page.results()->image(0);
        QVERIFY2(pasted.ok(), qPrintable(pasted.error));
        QVERIFY(pasted.path.startsWith(
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
        QCOMPARE(QImage(pasted.path).size(), image.size()); // written whole, as a PNG
        QFile::remove(pasted.path);
    }

    void theSelectedResultShowsLargeWithItsGradCamOverlay() {
        QSettings().setValue(tstudio::ui::settings_keys::classifyGradCam(), true);
        QSettings().setValue(tstudio::ui::settings_keys::classifyGradCamOpacity(), 60);
        ClassifyPage page;
        page.resize(1200, 700);
        page.modelChooser()->chooseBundle(m_bundle);
        GradCamPreview* preview = page.preview();
        QVERIFY(preview->gradCamEnabled());
        QCOMPARE(preview->opacityPercent(), 60); // the remembered setting
        QSignalSpy ended(&page, &ClassifyPage::jobEnded);
        QSignalSpy shown(preview, &GradCamPreview::pictureShown);
        page.classifyFiles({m_folder});
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
        // The first result is selected as it arrives, and its overlay computed on the worker.
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 60000);
        const QModelIndex current = page.resultsView()->currentIndex();
        QVERIFY(current.isValid());
        const QImage overlay = preview->shownImage();
        QVERIFY(!overlay.isNull());

        // Without Grad-CAM: the plain picture, which the overlay changed.
        shown.clear();
        preview->findChild<QCheckBox*>()->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 60000);
        const QImage plain = preview->shownImage();
        QCOMPARE(plain.size(), overlay.size());
        QVERIFY(plain != overlay);
        QCOMPARE(QSettings().value(tstudio::ui::settings_keys::classifyGradCam()).toBool(), false);

        // Back on (from the cache), then opacity 0: the overlay leaves the picture as it is.
        shown.clear();
        preview->findChild<QCheckBox*>()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
        QCOMPARE(preview->shownImage(), overlay);
        shown.clear();
        preview->findChild<QSlider*>()->setValue(0);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
        QCOMPARE(preview->shownImage(), plain);

        // Another class: the class chooser lists the predicted class, then both classes.
        auto* classes = preview->findChild<QComboBox*>();
        QCOMPARE(classes->count(), 3);
        QCOMPARE(preview->chosenClass(), -1);
    }

private:
    QTemporaryDir m_dir;
    QString m_bundle;
    QString m_folder;
};

QTEST_MAIN(TestClassifyBundle)
#include "tst_classify_bundle.moc"
