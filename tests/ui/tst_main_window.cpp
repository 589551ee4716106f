// The main window: steps and their shortcuts, steps that wait for a dataset, settings that
// survive a restart, the demo project, the backbone that Classify follows, the BLAS it shows,
// and a close during a run that stops it without freezing the window.

#include <algorithm>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPalette>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include "core/common/blas_info.h"
#include "ui/classify/classify_page.h"
#include "ui/data/data_page.h"
#include "ui/labeling/labeling_page.h"
#include "ui/main_window.h"
#include "ui/project/project_document.h"
#include "ui/project/project_state.h"
#include "ui/train/live_plot.h"
#include "ui/train/train_page.h"
#include "ui/train/training_session.h"

#include "train/tiny_dataset.h"

using tstudio::ui::DataPage;
using tstudio::ui::MainWindow;
using tstudio::ui::TrainPage;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TransferStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    }

    void init() { QSettings().clear(); }

    void stepsWaitForADataset() {
        MainWindow window;
        const int classify = window.pageCount() - 1;
        QVERIFY(classify >= 1);
        QCOMPARE(window.currentPage(), 0);
        auto* later = new QWidget;
        const int needsData =
            window.addPage(later, QStringLiteral("Later"), QStringLiteral("step-train"),
                           MainWindow::PageNeeds::Dataset);
        QCOMPARE(needsData, classify + 1);
        QVERIFY(!window.isPageAvailable(needsData));
        QVERIFY(!window.setCurrentPage(needsData));
        QVERIFY(window.showPageOf(window.classifyPage())); // Classify needs nothing
        QCOMPARE(window.currentPage(), classify);

        QSignalSpy opened(window.dataPage(), &DataPage::datasetOpened);
        window.newDemoProject();
        QCOMPARE(window.currentPage(), 0); // the demo opens on the Data step
        QVERIFY(opened.wait(60000));
        QVERIFY(opened.at(0).at(0).toString().startsWith(MainWindow::demoDirectory()));
        QCOMPARE(window.project()->dataset().classes().size(), std::size_t{4});
        QVERIFY(window.isPageAvailable(needsData));
        QVERIFY(window.setCurrentPage(needsData));
    }

    void shortcutsSwitchSteps() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const int classify = window.pageCount() - 1;
        QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + classify), Qt::ControlModifier);
        QCOMPARE(window.currentPage(), classify);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier); // Label waits for a dataset
        QCOMPARE(window.currentPage(), classify);
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), 0);
    }

    void remembersStepGeometryAndDataset() {
        {
            MainWindow window;
            window.resize(900, 640);
            QSignalSpy opened(window.dataPage(), &DataPage::datasetOpened);
            window.newDemoProject();
            QVERIFY(opened.wait(60000));
            QVERIFY(window.setCurrentPage(window.pageCount() - 1));
            window.close();
        }
        MainWindow window;
        QCOMPARE(window.currentPage(), window.pageCount() - 1);
        QCOMPARE(window.size(), QSize(900, 640));
        // The dataset opened last time opens again (not a new demo: no New Demo needed).
        QSignalSpy opened(window.dataPage(), &DataPage::datasetOpened);
        window.openStartDataset(false);
        QVERIFY(opened.wait(60000));
        QCOMPARE(opened.at(0).at(0).toString(), MainWindow::demoDirectory());
    }

    void remembersTheTrainingSettings() {
        {
            MainWindow window;
            auto config = tstudio::training::withRecommendedRecipe(
                window.project()->config(), tstudio::training::TrainMode::TwoStage);
            config.epochs = 7;
            config.optimizer.lr = 3e-4;
            config.head = *tstudio::training::parseHeadSpec("avg,128:relu:0.1");
            window.project()->setConfig(config);
            window.close();
        }
        MainWindow window;
        const auto& config = window.project()->config();
        QCOMPARE(config.mode, tstudio::training::TrainMode::TwoStage);
        QCOMPARE(config.epochs, 7);
        QCOMPARE(config.optimizer.lr, 3e-4);
        QCOMPARE(tstudio::training::formatHeadSpec(config.head), std::string("avg,128:relu:0.1"));
    }

    void settingsSurviveAWindowThatNeverClosed() {
        // A killed app never sees closeEvent: the weights and the recipe are kept as they change.
        {
            MainWindow window;
            auto config = window.project()->config();
            config.weights = "/data/my_mobilenet.pth";
            config.epochs = 13;
            window.project()->setConfig(config);
        }
        MainWindow window;
        QCOMPARE(window.project()->config().weights,
                 std::filesystem::path("/data/my_mobilenet.pth"));
        QCOMPARE(window.project()->config().epochs, 13);
    }

    void aFirstStartUsesTheRecommendedFeatureRecipe() {
        MainWindow window;
        const auto recipe =
            tstudio::training::recommendedConfig(tstudio::training::TrainMode::Feature);
        QCOMPARE(window.project()->config().mode, tstudio::training::TrainMode::Feature);
        QCOMPARE(window.project()->config().augment, recipe.augment);
        QCOMPARE(window.project()->config().optimizer.lr, recipe.optimizer.lr);
    }

    // A step whose minimum size is larger than a small screen scrolls: neither the first start's
    // size nor any step pushes the window past the screen (offscreen's screen is 800 x 800).
    void theWindowFitsASmallScreenOnEveryStep() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QSize room = window.screen()->availableGeometry().size();
        for (int page = 0; page < window.pageCount(); ++page) {
            window.setCurrentPage(page);
            QCoreApplication::processEvents();
            const QSize size = window.frameGeometry().size();
            QVERIFY2(size.width() <= room.width() && size.height() <= room.height(),
                     qPrintable(QStringLiteral("step %1: %2 x %3 on a %4 x %5 screen")
                                    .arg(page)
                                    .arg(size.width())
                                    .arg(size.height())
                                    .arg(room.width())
                                    .arg(room.height())));
        }
    }

    void aFolderOfUnsortedPhotosOpensOnTheLabelStep() {
        QTemporaryDir photos;
        for (int i = 0; i < 3; ++i) {
            QImage image(32, 24, QImage::Format_RGB32);
            image.fill(QColor::fromHsv(i * 100, 200, 200));
            QVERIFY(image.save(QDir(photos.path()).filePath(QStringLiteral("p%1.jpg").arg(i))));
        }
        MainWindow window;
        QSignalSpy opened(window.dataPage(), &DataPage::datasetOpened);
        window.dataPage()->openPath(photos.path());
        QVERIFY(opened.wait(60000));
        QCOMPARE(window.project()->dataset().unlabeledCount(), std::size_t{3});
        QCOMPARE(window.currentPage(), 1);
        QVERIFY(window.showPageOf(window.labelingPage()));
        QCOMPARE(window.currentPage(), 1);
        QCOMPARE(window.labelingPage()->currentSample(), 0);
    }

    void aRememberedStepThatNeedsDataOpensWithTheDataset() {
        {
            MainWindow window;
            QSignalSpy opened(window.dataPage(), &DataPage::datasetOpened);
            window.newDemoProject();
            QVERIFY(opened.wait(60000));
            QVERIFY(window.setCurrentPage(2)); // Model: needs the dataset
            window.close();
        }
        MainWindow window;
        QCOMPARE(window.currentPage(), 0); // nothing open yet
        QSignalSpy opened(window.dataPage(), &DataPage::datasetOpened);
        window.openStartDataset(false);
        QVERIFY(opened.wait(60000));
        QCOMPARE(window.currentPage(), 2);
    }

    void iconsFollowThePalette() {
        MainWindow window;
        QAction* data = nullptr;
        for (QAction* action : window.findChildren<QAction*>()) {
            data = action->text() == QStringLiteral("Data") ? action : data;
        }
        QVERIFY(data != nullptr);
        // Mean lightness of the opaque pixels: the drawing, not the transparent background.
        const auto inkLightness = [data] {
            const QImage image = data->icon().pixmap(QSize(32, 32)).toImage();
            double sum = 0;
            int count = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor color = image.pixelColor(x, y);
                    if (color.alpha() > 200) {
                        sum += color.lightnessF();
                        ++count;
                    }
                }
            }
            return count > 0 ? sum / count : -1.0;
        };
        const QPalette original = QApplication::palette();
        QPalette dark = original;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
        QApplication::setPalette(dark);
        QTRY_VERIFY(inkLightness() > 0.8);
        QPalette light = original;
        light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
        light.setColor(QPalette::WindowText, QColor(0x10, 0x10, 0x10));
        QApplication::setPalette(light);
        QTRY_VERIFY(inkLightness() >= 0.0);
        QTRY_VERIFY(inkLightness() < 0.2);
        QApplication::setPalette(original);
    }

    void classifyFollowsTheProjectBackbone() {
        MainWindow window;
        QVERIFY(!window.selectBackbone(QStringLiteral("no_such_net")));
        QVERIFY(window.selectBackbone(QStringLiteral("resnet18")));
        QCOMPARE(window.project()->config().arch, std::string("resnet18"));
        auto* combo = window.findChild<QComboBox*>(QStringLiteral("classifyBackbone"));
        QVERIFY(combo != nullptr);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("resnet18"));

        window.useWeightsFile(QStringLiteral("/tmp/tstudio-test-weights.pth"));
        QCOMPARE(window.classifyPage()->weightsPath(),
                 QStringLiteral("/tmp/tstudio-test-weights.pth"));
        // Another page changing the config moves Classify along.
        auto config = window.project()->config();
        config.arch = "vgg16";
        config.weights = "/tmp/vgg.pth";
        window.project()->setConfig(config);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("vgg16"));
        QCOMPARE(window.classifyPage()->weightsPath(), QStringLiteral("/tmp/vgg.pth"));
        // Back to resnet18: its remembered weights come back.
        QVERIFY(window.selectBackbone(QStringLiteral("resnet18")));
        QCOMPARE(window.classifyPage()->weightsPath(),
                 QStringLiteral("/tmp/tstudio-test-weights.pth"));
    }

    void undoAndRedoAreLockedDuringARun() {
        MainWindow window;
        auto* undo = window.findChild<QAction*>(QStringLiteral("editUndo"));
        auto* redo = window.findChild<QAction*>(QStringLiteral("editRedo"));
        QVERIFY(undo != nullptr && redo != nullptr);
        QUndoStack* stack = window.document()->undoStack();
        stack->push(new QUndoCommand(QStringLiteral("First")));
        stack->push(new QUndoCommand(QStringLiteral("Second")));
        stack->undo();
        QVERIFY(undo->isEnabled() && redo->isEnabled());

        window.project()->setTraining(true);
        QVERIFY(!undo->isEnabled() && !redo->isEnabled());
        // The stack enables its actions again whenever it changes: the lock still holds.
        stack->push(new QUndoCommand(QStringLiteral("Third")));
        QVERIFY(!undo->isEnabled() && !redo->isEnabled());
        undo->trigger();
        QCOMPARE(stack->index(), 2);

        window.project()->setTraining(false);
        QVERIFY(undo->isEnabled());
        QVERIFY(!redo->isEnabled()); // nothing to redo after the push
        undo->trigger();
        QCOMPARE(stack->index(), 1);
        QVERIFY(redo->isEnabled());
    }

    void closingDuringARunStopsItWithoutFreezingTheWindow() {
        QTemporaryDir data;
        QTemporaryDir runs;
        MainWindow window;
        window.project()->setDataset(tstudio::test::writeTinyDataset(data.path()));
        tstudio::training::TrainingConfig config;
        config.arch = "resnet18";
        config.fromScratch = true;
        config.inputSize = 32;
        config.mode = tstudio::training::TrainMode::FineTune;
        config.epochs = 200; // runs until stopped
        config.batchSize = 4;
        config.augment = false;
        config.workers = 1;
        config.device = "cpu";
        config.outDir = runs.path().toStdString();
        window.project()->setConfig(config);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = window.findChild<TrainPage*>();
        QVERIFY(page != nullptr);
        QSignalSpy ended(page, &TrainPage::runEnded);
        page->start();
        // After the first epoch, so the stopped run has a model to save.
        QVERIFY(QTest::qWaitFor(
            [&] { return page->accuracyPlot()->pointCount(TrainPage::ValAccuracy) >= 1; }, 600000));

        // The GUI thread's heartbeat while the run stops: the longest gap between ticks.
        QElapsedTimer sinceTick;
        qint64 longestGapMs = 0;
        int ticks = 0;
        QTimer heartbeat;
        heartbeat.setInterval(10);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            longestGapMs = std::max(longestGapMs, sinceTick.restart());
            ++ticks;
        });
        // Answers "stop and quit?" with Yes once it shows, then starts the heartbeat.
        QTimer answer;
        answer.setInterval(20);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box != nullptr) {
                answer.stop();
                sinceTick.start();
                heartbeat.start();
                box->button(QMessageBox::Yes)->click();
            }
        });
        answer.start();
        QVERIFY(!window.close()); // refused for now: the run stops first
        QVERIFY(heartbeat.isActive());
        QVERIFY(window.isVisible());
        QVERIFY(page->session()->isStopping() || ended.count() == 1);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Stopping")) ||
                     ended.count() == 1,
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!window.close()); // a second close while stopping waits too
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 600000);
        heartbeat.stop();

        QCOMPARE(ended.count(), 1);
        QVERIFY(ended[0][0].toBool()); // stopped after an epoch: a model was saved
        QVERIFY(QFileInfo::exists(window.project()->lastBundle()));
        QVERIFY(QFileInfo::exists(page->session()->runDir() + QStringLiteral("/checkpoint.pt")));
        QVERIFY(ticks >= 1);
        qInfo("stopping took %d heartbeats; the longest GUI-thread gap was %lld ms", ticks,
              longestGapMs);
        QVERIFY2(longestGapMs < 100,
                 qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(longestGapMs)));
    }

    void statusBarNamesTheBlas() {
        MainWindow window;
        const auto* label = window.statusBar()->findChild<QLabel*>(QStringLiteral("blasLabel"));
        QVERIFY(label != nullptr);
        QVERIFY2(label->text().contains(QStringLiteral("BLAS: ")), qPrintable(label->text()));
        const tstudio::BlasInfo blas = tstudio::loadedBlas();
        QVERIFY2(label->toolTip().contains(QString::fromStdString(blas.library)),
                 qPrintable(label->toolTip()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
