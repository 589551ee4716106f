// The Train page's settings form: picking a mode brings the engine's recipe for it (the CLI's
// defaults), a config set from elsewhere is shown as it is, and edits reach the project.

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <memory>

#include "core/common/threads.h"
#include "ui/common/settings_keys.h"
#include "ui/project/project_state.h"
#include "ui/train/scientific_spin_box.h"
#include "ui/train/training_settings.h"

using tstudio::training::recommendedConfig;
using tstudio::training::TrainMode;
using tstudio::ui::ProjectState;
using tstudio::ui::TrainingSettings;

namespace {
void pickMode(QComboBox* box, TrainMode mode) {
    box->setCurrentIndex(box->findData(static_cast<int>(mode)));
}
} // namespace

class TestTrainingSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location
        QCoreApplication::setOrganizationName(QStringLiteral("TransferStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_training_settings"));
        QSettings().clear();
    }

    void theProcessesBoxOffersTheCoresAndSaysWhatAStepTakes() {
        ProjectState project;
        auto config = project.config();
        config.batchSize = 16;
        project.setConfig(config);
        auto settings = std::make_unique<TrainingSettings>(&project);
        QSpinBox* processes = settings->processesBox();
        QCOMPARE(settings->processes(), 1);
        QCOMPARE(processes->maximum(), std::max(1, tstudio::usableCores()));
        if (processes->maximum() < 2) {
            QSKIP("this machine lets the test use one core");
        }
        auto noteText = [&] {
            QStringList texts;
            for (auto* label : settings->findChildren<QLabel*>()) {
                texts << label->text();
            }
            return texts.join(u'|');
        };
        QVERIFY(!noteText().contains(QStringLiteral("images a step")));
        processes->setValue(2);
        QCOMPARE(processes->suffix(), QStringLiteral(" on this computer"));
        QVERIFY2(noteText().contains(QStringLiteral("2 × batch 16 = 32 images a step")),
                 qPrintable(noteText()));
        // The batch is per process: a new batch size changes what a step takes.
        config.batchSize = 8;
        project.setConfig(config);
        QVERIFY2(noteText().contains(QStringLiteral("2 × batch 8 = 16 images a step")),
                 qPrintable(noteText()));
        // A setting of this computer, not of the project: the next window has it too.
        settings = std::make_unique<TrainingSettings>(&project);
        QCOMPARE(settings->processes(), 2);
        // A project on a GPU this computer lacks offers one process, and the count remembered
        // for this computer's CPU runs stays as it was.
        config.device = "cuda:1";
        project.setConfig(config);
        QCOMPARE(settings->processesBox()->maximum(), 1);
        QCOMPARE(settings->processes(), 1);
        QCOMPARE(QSettings().value(tstudio::ui::settings_keys::trainingProcesses()).toInt(), 2);
        config.device = "cpu";
        project.setConfig(config);
        settings = std::make_unique<TrainingSettings>(&project);
        QCOMPARE(settings->processes(), 2);
        settings->processesBox()->setValue(1);
        QVERIFY(settings->processesBox()->suffix().isEmpty());
    }

    void pickingAModeAppliesItsRecipe() {
        ProjectState project;
        TrainingSettings settings(&project);
        auto* mode = settings.findChild<QComboBox*>(QStringLiteral("mode"));
        QVERIFY(mode != nullptr);
        QCOMPARE(project.config().mode, TrainMode::Feature);
        QVERIFY(!project.config().augment);

        pickMode(mode, TrainMode::FineTune);
        const auto fine = recommendedConfig(TrainMode::FineTune);
        QCOMPARE(project.config().mode, TrainMode::FineTune);
        QVERIFY(project.config().augment);
        QCOMPARE(project.config().labelSmoothing, fine.labelSmoothing);
        QCOMPARE(project.config().lrMultipliers.size(), fine.lrMultipliers.size());
        QCOMPARE(project.config().batchSize, fine.batchSize);
        // The form shows what the project now holds.
        QCOMPARE(settings.learningRate()->value(), fine.optimizer.lr);
        bool smoothingShown = false;
        for (auto* spin : settings.findChildren<QDoubleSpinBox*>()) {
            smoothingShown |= spin->value() == fine.labelSmoothing && fine.labelSmoothing > 0.0;
        }
        QVERIFY(smoothingShown);
        bool augmentShown = false;
        for (auto* box : settings.findChildren<QCheckBox*>()) {
            augmentShown |= box->isChecked();
        }
        QVERIFY(augmentShown);

        // An edit after the switch is the person's and stays.
        settings.learningRate()->setValue(2e-4);
        QCOMPARE(project.config().optimizer.lr, 2e-4);

        pickMode(mode, TrainMode::Feature);
        QVERIFY(!project.config().augment);
        QCOMPARE(project.config().labelSmoothing, 0.0);
    }

    void epochCountsReadNaturally() {
        ProjectState project;
        TrainingSettings settings(&project);
        auto config = project.config();
        config.schedule.warmupEpochs = 1;
        config.earlyStopping.patience = 3;
        project.setConfig(config);
        QStringList texts;
        for (auto* spin : settings.findChildren<QSpinBox*>()) {
            texts << spin->text();
        }
        QVERIFY2(texts.contains(QStringLiteral("1 epoch")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("3 epochs")), qPrintable(texts.join(u'|')));
    }

    void aConfigSetElsewhereIsShownAsItIs() {
        ProjectState project;
        TrainingSettings settings(&project);
        auto config = project.config();
        config.mode = TrainMode::FineTune;
        config.optimizer.lr = 0.5;
        config.labelSmoothing = 0.0;
        project.setConfig(config);
        // Not a pick in the form: the recipe is not applied over it.
        QCOMPARE(project.config().optimizer.lr, 0.5);
        QCOMPARE(project.config().labelSmoothing, 0.0);
        QCOMPARE(settings.findChild<QComboBox*>(QStringLiteral("mode"))->currentData().toInt(),
                 static_cast<int>(TrainMode::FineTune));
        QCOMPARE(settings.learningRate()->value(), 0.5);
    }
};

QTEST_MAIN(TestTrainingSettings)
#include "tst_training_settings.moc"
