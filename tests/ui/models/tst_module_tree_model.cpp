#include <algorithm>
#include <set>
#include <string>

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "core/models/registry.h"
#include "core/training/model_tree.h"
#include "ui/model/freeze_edits.h"
#include "ui/model/freeze_panel.h"
#include "ui/models/module_tree_model.h"
#include "ui/project/project_state.h"

using tstudio::training::FreezeSpec;
using tstudio::training::TrainingConfig;
using tstudio::training::TrainMode;
using tstudio::ui::FreezePanel;
using tstudio::ui::ModuleTreeModel;
using tstudio::ui::ProjectState;

namespace {
constexpr int kTimeoutMs = 120000;

std::set<std::string> engineTrainable(const TrainingConfig& config) {
    auto names = tstudio::training::trainableParameterNames(
        config, 2, tstudio::ui::freezeTarget(config).stage);
    if (!names) {
        qWarning("%s", names.message().c_str());
        return {};
    }
    return {names->begin(), names->end()};
}

std::set<std::string> under(const std::set<std::string>& names, const std::string& prefix) {
    std::set<std::string> result;
    for (const auto& name : names) {
        if (tstudio::ui::isAtOrBelow(name, prefix)) {
            result.insert(name);
        }
    }
    return result;
}

std::set<std::string> minus(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::set<std::string> result;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                        std::inserter(result, result.begin()));
    return result;
}

TrainingConfig smallConfig(TrainMode mode) {
    TrainingConfig config;
    config.arch = "resnet18";
    config.inputSize = 64;
    config.fromScratch = true;
    config.mode = mode;
    return config;
}

/** Runs action and waits until the panel shows the engine's tree for the resulting config. */
template <typename Action> bool editAndWait(FreezePanel& panel, Action action) {
    QSignalSpy updated(&panel, &FreezePanel::treeUpdated);
    action();
    return QTest::qWaitFor([&] { return !updated.isEmpty() && !panel.isUpdating(); }, kTimeoutMs);
}

Qt::CheckState checkState(const ModuleTreeModel& model, const char* path) {
    return static_cast<Qt::CheckState>(
        model.indexOfPath(QString::fromLatin1(path)).data(Qt::CheckStateRole).toInt());
}
} // namespace

class TestModuleTreeModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTesterAcrossUpdates() {
        ProjectState project;
        project.setConfig(smallConfig(TrainMode::FineTune));
        ModuleTreeModel model(&project);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto tree = tstudio::training::describeModel(project.config(), 2);
        QVERIFY2(tree.ok(), tree ? "" : tree.message().c_str());
        model.setTree(*tree);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.rowCount(model.index(0, 0)) > 0);
        QCOMPARE(model.index(0, ModuleTreeModel::Parameters)
                     .data(ModuleTreeModel::ParametersRole)
                     .toLongLong(),
                 tree->totalParameters());

        // Same structure, other counts: updated in place (the tester checks the signals).
        auto config = project.config();
        QVERIFY(!tstudio::ui::setSubtreeTrainable(config, "layer1", false));
        auto frozen = tstudio::training::describeModel(config, 2);
        QVERIFY(frozen.ok());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTree(*frozen);
        QCOMPARE(reset.count(), 0);
        QVERIFY(!changed.isEmpty());

        // Another network: reset.
        config.arch = "mobilenet_v3_small";
        config.freeze.rules.clear(); // "layer1" names nothing in a MobileNet
        auto other = tstudio::training::describeModel(config, 2);
        QVERIFY(other.ok());
        model.setTree(*other);
        QCOMPARE(reset.count(), 1);
        model.setEditable(false);
        model.setTree({});
        QCOMPARE(model.rowCount(), 0);
    }

    void checkBoxesChangeExactlyTheEnginesTrainableSet() {
        ProjectState project;
        project.setConfig(smallConfig(TrainMode::FineTune));
        FreezePanel panel(&project);
        ModuleTreeModel* model = panel.model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(QTest::qWaitFor([&] { return model->rowCount() == 1 && !panel.isUpdating(); },
                                kTimeoutMs));
        const auto all = engineTrainable(project.config());
        QVERIFY(!all.empty());
        QCOMPARE(checkState(*model, ""), Qt::Checked);
        QCOMPARE(model->tree().trainableParameters(), model->tree().totalParameters());

        // Uncheck layer4: exactly layer4's parameters stop training.
        const QModelIndex layer4 = model->indexOfPath(QStringLiteral("layer4"));
        QVERIFY(layer4.isValid());
        QVERIFY(editAndWait(
            panel, [&] { QVERIFY(model->setData(layer4, Qt::Unchecked, Qt::CheckStateRole)); }));
        const auto withoutLayer4 = engineTrainable(project.config());
        QCOMPARE(minus(all, withoutLayer4), under(all, "layer4"));
        QVERIFY(minus(withoutLayer4, all).empty());
        QCOMPARE(checkState(*model, "layer4"), Qt::Unchecked);
        QCOMPARE(checkState(*model, "layer4.1.conv2"), Qt::Unchecked);
        QCOMPARE(checkState(*model, "layer3"), Qt::Checked);
        QCOMPARE(checkState(*model, ""), Qt::PartiallyChecked);
        const qint64 layer4Parameters = model->indexOfPath(QStringLiteral("layer4"))
                                            .data(ModuleTreeModel::ParametersRole)
                                            .toLongLong();
        QCOMPARE(model->tree().trainableParameters(),
                 model->tree().totalParameters() - layer4Parameters);

        // Check layer4.1 again: exactly its parameters come back; layer4 is partly trained.
        QVERIFY(editAndWait(panel, [&] {
            QVERIFY(model->setData(model->indexOfPath(QStringLiteral("layer4.1")), Qt::Checked,
                                   Qt::CheckStateRole));
        }));
        const auto withLayer41 = engineTrainable(project.config());
        QCOMPARE(minus(withLayer41, withoutLayer4), under(all, "layer4.1"));
        QCOMPARE(checkState(*model, "layer4"), Qt::PartiallyChecked);
        QCOMPARE(checkState(*model, "layer4.1"), Qt::Checked);
        QCOMPARE(checkState(*model, "layer4.0"), Qt::Unchecked);

        // The tree's counts are the engine's: the root's trainable count is what
        // trainableParameterNames names (summed by the tree the engine built).
        auto described = tstudio::training::describeModel(project.config(), 2);
        QVERIFY(described.ok());
        QCOMPARE(model->tree().trainableParameters(), described->trainableParameters());

        // Totals are shown with the engine's numbers.
        const QLocale locale;
        QVERIFY2(panel.totalsText().contains(locale.toString(described->trainableParameters())),
                 qPrintable(panel.totalsText()));
        QVERIFY(panel.totalsText().contains(
            locale.toString(described->totalParameters() - described->trainableParameters())));
    }

    void presetsMatchTheEngine() {
        ProjectState project;
        project.setConfig(smallConfig(TrainMode::FineTune));
        FreezePanel panel(&project);
        QVERIFY(QTest::qWaitFor(
            [&] { return panel.model()->rowCount() == 1 && !panel.isUpdating(); }, kTimeoutMs));
        const auto all = engineTrainable(project.config());
        const auto* info = tstudio::models::findBackbone("resnet18");
        QVERIFY(info != nullptr);

        QPushButton* headOnly = nullptr;
        QPushButton* freezeAll = nullptr;
        QPushButton* trainAll = nullptr;
        QPushButton* lastBlocks = nullptr;
        for (auto* button : panel.findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("Head only"))
                headOnly = button;
            else if (button->text() == QStringLiteral("Freeze all"))
                freezeAll = button;
            else if (button->text() == QStringLiteral("Train all"))
                trainAll = button;
            else if (button->text() == QStringLiteral("Last blocks:"))
                lastBlocks = button;
        }
        QVERIFY(headOnly && freezeAll && trainAll && lastBlocks);

        QVERIFY(editAndWait(panel, [&] { headOnly->click(); }));
        QCOMPARE(project.config().freeze.preset, FreezeSpec::Preset::HeadOnly);
        QCOMPARE(engineTrainable(project.config()), under(all, info->headPath));
        QCOMPARE(panel.model()->tree().trainableParameters(),
                 panel.model()
                     ->indexOfPath(QString::fromStdString(info->headPath))
                     .data(ModuleTreeModel::ParametersRole)
                     .toLongLong());

        QVERIFY(editAndWait(panel, [&] { lastBlocks->click(); })); // N = 1
        std::set<std::string> lastBlock = under(all, info->blocks.back());
        lastBlock.merge(under(all, info->headPath));
        QCOMPARE(engineTrainable(project.config()), lastBlock);

        QVERIFY(editAndWait(panel, [&] { freezeAll->click(); }));
        QVERIFY(engineTrainable(project.config()).empty());
        QCOMPARE(panel.model()->tree().trainableParameters(), 0);
        QCOMPARE(checkState(*panel.model(), ""), Qt::Unchecked);

        QVERIFY(editAndWait(panel, [&] { trainAll->click(); }));
        QCOMPARE(engineTrainable(project.config()), all);
        QCOMPARE(checkState(*panel.model(), ""), Qt::Checked);
    }

    void featureModeSwitchesToFineTuningOnEdit() {
        ProjectState project;
        project.setConfig(smallConfig(TrainMode::Feature));
        FreezePanel panel(&project);
        QVERIFY(QTest::qWaitFor(
            [&] { return panel.model()->rowCount() == 1 && !panel.isUpdating(); }, kTimeoutMs));
        const auto* info = tstudio::models::findBackbone("resnet18");
        // Feature extraction trains the head only, as the engine says.
        QCOMPARE(checkState(*panel.model(), info->headPath.c_str()), Qt::Checked);
        QCOMPARE(checkState(*panel.model(), "layer4"), Qt::Unchecked);
        QVERIFY(editAndWait(panel, [&] {
            QVERIFY(panel.model()->setData(panel.model()->indexOfPath(QStringLiteral("layer4")),
                                           Qt::Checked, Qt::CheckStateRole));
        }));
        QCOMPARE(project.config().mode, TrainMode::FineTune);
        QCOMPARE(checkState(*panel.model(), "layer4"), Qt::Checked);
        QCOMPARE(checkState(*panel.model(), "layer3"), Qt::Unchecked);
        // With fine-tuning's recipe, as picking the mode on the Train page gives.
        const auto recipe = tstudio::training::recommendedConfig(TrainMode::FineTune);
        QCOMPARE(project.config().labelSmoothing, recipe.labelSmoothing);
        QCOMPARE(project.config().augment, recipe.augment);
    }

    void twoStageEditsStageTwo() {
        ProjectState project;
        project.setConfig(smallConfig(TrainMode::TwoStage));
        FreezePanel panel(&project);
        QVERIFY(QTest::qWaitFor(
            [&] { return panel.model()->rowCount() == 1 && !panel.isUpdating(); }, kTimeoutMs));
        QVERIFY(editAndWait(panel, [&] {
            QVERIFY(panel.model()->setData(panel.model()->indexOfPath(QStringLiteral("layer1")),
                                           Qt::Unchecked, Qt::CheckStateRole));
        }));
        QCOMPARE(project.config().mode, TrainMode::TwoStage);
        QCOMPARE(project.config().twoStage.stage2Freeze.rules.size(), size_t{1});
        QVERIFY(project.config().freeze.rules.empty());
        QCOMPARE(checkState(*panel.model(), "layer1"), Qt::Unchecked);
        QCOMPARE(checkState(*panel.model(), "layer2"), Qt::Checked);
    }

    void lrMultiplierEditsReachTheEngine() {
        ProjectState project;
        project.setConfig(smallConfig(TrainMode::FineTune));
        FreezePanel panel(&project);
        QVERIFY(QTest::qWaitFor(
            [&] { return panel.model()->rowCount() == 1 && !panel.isUpdating(); }, kTimeoutMs));
        const QModelIndex lr =
            panel.model()->indexOfPath(QStringLiteral("layer3"), ModuleTreeModel::LrMultiplier);
        QVERIFY(panel.model()->flags(lr) & Qt::ItemIsEditable);
        QVERIFY(editAndWait(panel, [&] { QVERIFY(panel.model()->setData(lr, 0.1)); }));
        QCOMPARE(project.config().lrMultipliers.size(), size_t{1});
        QCOMPARE(project.config().lrMultipliers[0].path, std::string("layer3"));
        QCOMPARE(panel.model()
                     ->indexOfPath(QStringLiteral("layer3.1.conv1"), ModuleTreeModel::LrMultiplier)
                     .data(Qt::EditRole)
                     .toDouble(),
                 0.1);
        QCOMPARE(panel.model()
                     ->indexOfPath(QStringLiteral("layer2"), ModuleTreeModel::LrMultiplier)
                     .data(Qt::EditRole)
                     .toDouble(),
                 1.0);
        QVERIFY(!panel.model()->setData(lr, -1.0));
    }

    void editingIsLockedWhileTraining() {
        ProjectState project;
        project.setConfig(smallConfig(TrainMode::FineTune));
        FreezePanel panel(&project);
        QVERIFY(QTest::qWaitFor(
            [&] { return panel.model()->rowCount() == 1 && !panel.isUpdating(); }, kTimeoutMs));
        const QModelIndex layer4 = panel.model()->indexOfPath(QStringLiteral("layer4"));
        QVERIFY(panel.model()->flags(layer4) & Qt::ItemIsUserCheckable);
        project.setTraining(true);
        QVERIFY(!(panel.model()->flags(layer4) & Qt::ItemIsUserCheckable));
        QVERIFY(!panel.model()->setData(layer4, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(project.config().freeze.rules.empty());
        for (auto* button : panel.findChildren<QPushButton*>()) {
            QVERIFY(!button->isEnabled());
        }
        project.setTraining(false);
        QVERIFY(panel.model()->flags(layer4) & Qt::ItemIsUserCheckable);
    }
};

QTEST_MAIN(TestModuleTreeModel)
#include "tst_module_tree_model.moc"
