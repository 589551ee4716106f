#include "ui/train/training_settings.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "core/common/devices.h"
#include "core/common/threads.h"
#include "ui/common/settings_keys.h"
#include "ui/project/project_state.h"
#include "ui/train/scientific_spin_box.h"

namespace tstudio::ui {

using training::OptimizerKind;
using training::ScheduleKind;
using training::TrainMode;

namespace {
QDoubleSpinBox* makeDoubleSpin(QWidget* parent, double min, double max, double step, int decimals) {
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(min, max);
    spin->setSingleStep(step);
    spin->setDecimals(decimals);
    spin->setKeyboardTracking(false);
    return spin;
}

QSpinBox* makeSpin(QWidget* parent, int min, int max) {
    auto* spin = new QSpinBox(parent);
    spin->setRange(min, max);
    spin->setKeyboardTracking(false);
    return spin;
}

/** A count of epochs whose unit follows the number: "1 epoch", "3 epochs". */
QSpinBox* makeEpochSpin(QWidget* parent, int min, int max) {
    QSpinBox* spin = makeSpin(parent, min, max);
    const auto updateSuffix = [spin](int value) {
        spin->setSuffix(value == 1 ? QCoreApplication::translate("TrainingSettings", " epoch")
                                   : QCoreApplication::translate("TrainingSettings", " epochs"));
    };
    QObject::connect(spin, &QSpinBox::valueChanged, spin, updateSuffix);
    updateSuffix(spin->value());
    return spin;
}
} // namespace

QString TrainingSettings::defaultRunsFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QStringLiteral("Transfer Studio/runs"));
}

TrainingSettings::TrainingSettings(ProjectState* project, QWidget* parent)
    : QWidget(parent), m_project(project) {
    // Created in this order, which is also the keyboard focus order; shown with Run on top.
    QGroupBox* optimizerBox = buildOptimizerBox();
    QGroupBox* scheduleBox = buildScheduleBox();
    QGroupBox* runBox = buildRunBox();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(runBox);
    layout->addWidget(optimizerBox);
    layout->addWidget(scheduleBox);
    layout->addStretch(1);

    connectEdits();
    syncFromConfig();
    setEnabled(!m_project->isTraining());
}

QGroupBox* TrainingSettings::buildOptimizerBox() {
    m_optimizer = new QComboBox(this);
    m_optimizer->addItem(QStringLiteral("SGD"), static_cast<int>(OptimizerKind::SGD));
    m_optimizer->addItem(QStringLiteral("Adam"), static_cast<int>(OptimizerKind::Adam));
    m_optimizer->addItem(QStringLiteral("AdamW"), static_cast<int>(OptimizerKind::AdamW));
    m_optimizer->addItem(QStringLiteral("RMSprop"), static_cast<int>(OptimizerKind::RMSprop));
    m_lr = new ScientificSpinBox(this);
    m_lr->setToolTip(tr("Base learning rate. The arrows step along 1, 2, 5, 10, …"));
    m_findLr = new QPushButton(tr("Find…"), this);
    m_findLr->setToolTip(tr("Run a learning-rate range test on the training images and pick a "
                            "rate from its curve"));
    auto* lrRow = new QHBoxLayout;
    lrRow->addWidget(m_lr, 1);
    lrRow->addWidget(m_findLr);
    m_weightDecay = makeDoubleSpin(this, 0.0, 1.0, 1e-4, 5);
    m_momentum = makeDoubleSpin(this, 0.0, 0.999, 0.01, 3);
    m_labelSmoothing = makeDoubleSpin(this, 0.0, 0.5, 0.05, 2);
    auto* optimizerBox = new QGroupBox(tr("Optimizer"), this);
    m_optimizerForm = new QFormLayout(optimizerBox);
    m_optimizerForm->addRow(tr("Algorithm:"), m_optimizer);
    m_optimizerForm->addRow(tr("Learning rate:"), lrRow);
    m_optimizerForm->addRow(tr("Weight decay:"), m_weightDecay);
    m_optimizerForm->addRow(tr("Momentum:"), m_momentum);
    m_optimizerForm->addRow(tr("Label smoothing:"), m_labelSmoothing);
    return optimizerBox;
}

QGroupBox* TrainingSettings::buildScheduleBox() {
    m_schedule = new QComboBox(this);
    m_schedule->addItem(tr("Constant"), static_cast<int>(ScheduleKind::Constant));
    m_schedule->addItem(tr("Step decay"), static_cast<int>(ScheduleKind::Step));
    m_schedule->addItem(tr("Cosine"), static_cast<int>(ScheduleKind::Cosine));
    m_schedule->addItem(tr("One-cycle"), static_cast<int>(ScheduleKind::OneCycle));
    m_schedule->addItem(tr("Reduce on plateau"), static_cast<int>(ScheduleKind::Plateau));
    m_warmup = makeEpochSpin(this, 0, 100);
    m_stepEpochs = makeEpochSpin(this, 1, 1000);
    m_gamma = makeDoubleSpin(this, 0.01, 0.99, 0.05, 2);
    m_plateauPatience = makeEpochSpin(this, 1, 100);
    auto* scheduleBox = new QGroupBox(tr("Learning-rate schedule"), this);
    m_scheduleForm = new QFormLayout(scheduleBox);
    m_scheduleForm->addRow(tr("Schedule:"), m_schedule);
    m_scheduleForm->addRow(tr("Warm-up:"), m_warmup);
    m_scheduleForm->addRow(tr("Step every:"), m_stepEpochs);
    m_scheduleForm->addRow(tr("Patience:"), m_plateauPatience);
    m_scheduleForm->addRow(tr("Factor:"), m_gamma);
    return scheduleBox;
}

QGroupBox* TrainingSettings::buildRunBox() {
    m_epochs = makeSpin(this, 1, 10000);
    m_batchSize = makeSpin(this, 1, 4096);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("mode"));
    m_mode->addItem(tr("Feature extraction (train the head)"),
                    static_cast<int>(TrainMode::Feature));
    m_mode->addItem(tr("Fine-tuning (as the Model page freezes)"),
                    static_cast<int>(TrainMode::FineTune));
    m_mode->addItem(tr("Two-stage (head first, then fine-tune)"),
                    static_cast<int>(TrainMode::TwoStage));
    m_headEpochs = makeEpochSpin(this, 1, 1000);
    m_headEpochs->setToolTip(tr("Stage 1 trains only the head for this many epochs; stage 2 then "
                                "trains for the epochs above, as the Model page freezes"));
    m_stage2Lr = new ScientificSpinBox(this);
    m_stage2Lr->setToolTip(tr("Base learning rate of stage 2 (its schedule restarts)"));
    m_patience = makeEpochSpin(this, 0, 1000);
    m_patience->setSpecialValueText(tr("off"));
    m_stopMetric = new QComboBox(this);
    m_stopMetric->addItem(tr("validation loss"),
                          static_cast<int>(training::EarlyStopping::Metric::ValLoss));
    m_stopMetric->addItem(tr("validation accuracy"),
                          static_cast<int>(training::EarlyStopping::Metric::ValAccuracy));
    auto* stopRow = new QHBoxLayout;
    stopRow->addWidget(m_patience, 1);
    stopRow->addWidget(new QLabel(tr("without better"), this));
    stopRow->addWidget(m_stopMetric, 1);
    m_augment = new QCheckBox(tr("Augment training images"), this);
    m_recipeNote = new QLabel(this);
    m_recipeNote->setWordWrap(true);
    m_recipeNote->setForegroundRole(QPalette::PlaceholderText);
    m_recipeNote->setVisible(false);
    m_device = new QComboBox(this);
    for (const std::string& device : availableDevices()) {
        m_device->addItem(QString::fromStdString(device), QString::fromStdString(device));
    }
    m_processes = makeSpin(this, 1, std::max(1, usableCores()));
    m_processes->setValue(QSettings().value(settings_keys::trainingProcesses(), 1).toInt());
    m_processes->setToolTip(
        tr("Data-parallel training: this many processes on this computer share every step, each "
           "on its own part of the data and its own share of the cores (or its own GPU), their "
           "gradients averaged as PyTorch's DistributedDataParallel does. The batch size is per "
           "process. Runs on several processes cannot be paused."));
    m_processesNote = new QLabel(this);
    m_processesNote->setForegroundRole(QPalette::PlaceholderText);
    auto* processesRow = new QHBoxLayout;
    processesRow->addWidget(m_processes);
    processesRow->addWidget(m_processesNote, 1);
    m_outDir = new QLineEdit(this);
    m_outDir->setPlaceholderText(defaultRunsFolder());
    m_outDir->setToolTip(tr("Each run writes its checkpoint, log and model bundle into a new "
                            "folder inside this one"));
    m_browse = new QPushButton(tr("Browse…"), this);
    auto* outRow = new QHBoxLayout;
    outRow->addWidget(m_outDir, 1);
    outRow->addWidget(m_browse);
    auto* runBox = new QGroupBox(tr("Run"), this);
    m_runForm = new QFormLayout(runBox);
    m_runForm->addRow(tr("Mode:"), m_mode);
    m_runForm->addRow(QString(), m_recipeNote);
    m_runForm->addRow(tr("Stage 1 (head):"), m_headEpochs);
    m_runForm->addRow(tr("Stage 2 LR:"), m_stage2Lr);
    m_runForm->addRow(tr("Epochs:"), m_epochs);
    m_runForm->addRow(tr("Batch size:"), m_batchSize);
    m_runForm->addRow(tr("Early stopping:"), stopRow);
    m_runForm->addRow(QString(), m_augment);
    m_runForm->addRow(tr("Device:"), m_device);
    m_runForm->addRow(tr("Processes:"), processesRow);
    m_runForm->addRow(tr("Runs folder:"), outRow);
    return runBox;
}

void TrainingSettings::connectEdits() {
    for (QComboBox* box : {m_optimizer, m_schedule, m_stopMetric, m_device}) {
        connect(box, &QComboBox::currentIndexChanged, this, &TrainingSettings::apply);
    }
    connect(m_mode, &QComboBox::currentIndexChanged, this, &TrainingSettings::applyMode);
    for (QDoubleSpinBox* spin :
         {static_cast<QDoubleSpinBox*>(m_lr), m_weightDecay, m_momentum, m_labelSmoothing, m_gamma,
          static_cast<QDoubleSpinBox*>(m_stage2Lr)}) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, &TrainingSettings::apply);
    }
    for (QSpinBox* spin : {m_warmup, m_stepEpochs, m_plateauPatience, m_epochs, m_batchSize,
                           m_headEpochs, m_patience}) {
        connect(spin, &QSpinBox::valueChanged, this, &TrainingSettings::apply);
    }
    connect(m_augment, &QCheckBox::toggled, this, &TrainingSettings::apply);
    connect(m_processes, &QSpinBox::valueChanged, this, [this](int processes) {
        QSettings().setValue(settings_keys::trainingProcesses(), processes);
        updateProcesses();
    });
    connect(m_outDir, &QLineEdit::editingFinished, this, &TrainingSettings::apply);
    connect(m_browse, &QPushButton::clicked, this, &TrainingSettings::chooseOutputFolder);
    connect(m_findLr, &QPushButton::clicked, this, &TrainingSettings::findLearningRateRequested);
    connect(m_project, &ProjectState::configChanged, this, &TrainingSettings::syncFromConfig);
    connect(m_project, &ProjectState::trainingChanged, this,
            [this](bool training) { setEnabled(!training); });
}

void TrainingSettings::syncFromConfig() {
    m_syncing = true;
    const auto& config = m_project->config();
    m_optimizer->setCurrentIndex(m_optimizer->findData(static_cast<int>(config.optimizer.kind)));
    m_lr->setValue(config.optimizer.lr);
    m_weightDecay->setValue(config.optimizer.weightDecay);
    m_momentum->setValue(config.optimizer.momentum);
    m_labelSmoothing->setValue(config.labelSmoothing);
    m_schedule->setCurrentIndex(m_schedule->findData(static_cast<int>(config.schedule.kind)));
    m_warmup->setValue(config.schedule.warmupEpochs);
    m_stepEpochs->setValue(config.schedule.stepEpochs);
    m_gamma->setValue(config.schedule.gamma);
    m_plateauPatience->setValue(config.schedule.plateauPatience);
    m_epochs->setValue(config.epochs);
    m_batchSize->setValue(config.batchSize);
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(config.mode)));
    m_headEpochs->setValue(config.twoStage.headEpochs);
    m_stage2Lr->setValue(config.twoStage.stage2Lr);
    m_patience->setValue(config.earlyStopping.patience);
    m_stopMetric->setCurrentIndex(
        m_stopMetric->findData(static_cast<int>(config.earlyStopping.metric)));
    m_augment->setChecked(config.augment);
    const QString device = QString::fromStdString(config.device);
    int deviceIndex = m_device->findData(device);
    if (deviceIndex < 0 && device == QStringLiteral("cuda")) {
        deviceIndex = m_device->findData(QStringLiteral("cuda:0"));
    }
    if (deviceIndex < 0) {
        // A device from a saved project that this computer lacks: show it, the run says why.
        m_device->addItem(tr("%1 (not available)").arg(device), device);
        deviceIndex = m_device->count() - 1;
    }
    m_device->setCurrentIndex(deviceIndex);
    if (!m_outDir->hasFocus()) {
        m_outDir->setText(QString::fromStdString(config.outDir.string()));
    }
    m_syncing = false;
    updateVisibility();
    updateProcesses();
}

void TrainingSettings::apply() {
    if (m_syncing) {
        return;
    }
    auto config = m_project->config();
    config.optimizer.kind = static_cast<OptimizerKind>(m_optimizer->currentData().toInt());
    config.optimizer.lr = m_lr->value();
    config.optimizer.weightDecay = m_weightDecay->value();
    config.optimizer.momentum = m_momentum->value();
    config.labelSmoothing = m_labelSmoothing->value();
    config.schedule.kind = static_cast<ScheduleKind>(m_schedule->currentData().toInt());
    config.schedule.warmupEpochs = m_warmup->value();
    config.schedule.stepEpochs = m_stepEpochs->value();
    config.schedule.gamma = m_gamma->value();
    config.schedule.plateauPatience = m_plateauPatience->value();
    config.epochs = m_epochs->value();
    config.batchSize = m_batchSize->value();
    config.mode = static_cast<TrainMode>(m_mode->currentData().toInt());
    config.twoStage.headEpochs = m_headEpochs->value();
    config.twoStage.stage2Lr = m_stage2Lr->value();
    config.earlyStopping.patience = m_patience->value();
    config.earlyStopping.metric =
        static_cast<training::EarlyStopping::Metric>(m_stopMetric->currentData().toInt());
    config.augment = m_augment->isChecked();
    config.device = m_device->currentData().toString().toStdString();
    config.outDir = m_outDir->text().trimmed().toStdString();
    m_project->setConfig(std::move(config));
}

void TrainingSettings::applyMode() {
    if (m_syncing) {
        return;
    }
    // A mode comes with the engine's recipe for it, the CLI's defaults: fine-tuning brings
    // augmentation, label smoothing and the 0.1x backbone rate; feature mode turns augmentation
    // off so the frozen backbone runs once per image. Every field stays editable afterwards.
    const auto mode = static_cast<TrainMode>(m_mode->currentData().toInt());
    m_project->setConfig(training::withRecommendedRecipe(m_project->config(), mode));
    m_recipeNote->setText(tr("The recommended settings for this mode are applied below."));
    m_recipeNote->setVisible(true);
}

void TrainingSettings::updateVisibility() {
    const auto kind = static_cast<OptimizerKind>(m_optimizer->currentData().toInt());
    m_optimizerForm->setRowVisible(m_momentum,
                                   kind == OptimizerKind::SGD || kind == OptimizerKind::RMSprop);
    const auto schedule = static_cast<ScheduleKind>(m_schedule->currentData().toInt());
    m_scheduleForm->setRowVisible(m_warmup, schedule == ScheduleKind::Cosine);
    m_scheduleForm->setRowVisible(m_stepEpochs, schedule == ScheduleKind::Step);
    m_scheduleForm->setRowVisible(m_plateauPatience, schedule == ScheduleKind::Plateau);
    m_scheduleForm->setRowVisible(m_gamma, schedule == ScheduleKind::Step ||
                                               schedule == ScheduleKind::Plateau);
    const bool twoStage =
        static_cast<TrainMode>(m_mode->currentData().toInt()) == TrainMode::TwoStage;
    m_runForm->setRowVisible(m_headEpochs, twoStage);
    m_runForm->setRowVisible(m_stage2Lr, twoStage);
    if (auto* label = qobject_cast<QLabel*>(m_runForm->labelForField(m_epochs))) {
        label->setText(twoStage ? tr("Stage 2 epochs:") : tr("Epochs:"));
    }
}

int TrainingSettings::processes() const {
    return m_processes->value();
}

void TrainingSettings::updateProcesses() {
    // One process per GPU; on the CPU each process takes its share of the cores.
    const bool cuda = m_device->currentData().toString().startsWith(QStringLiteral("cuda"));
    int gpus = 0;
    for (const std::string& device : availableDevices()) {
        gpus += device.rfind("cuda", 0) == 0 ? 1 : 0;
    }
    {
        // A smaller range for another device shows a smaller count; the one remembered for this
        // computer changes only when the person changes it.
        const QSignalBlocker quiet(m_processes);
        m_processes->setMaximum(std::max(1, cuda ? gpus : usableCores()));
    }
    m_processes->setSuffix(m_processes->value() == 1 ? QString()
                           : cuda                    ? tr(" (one GPU each)")
                                                     : tr(" on this computer"));
    const int batch = m_batchSize->value();
    m_processesNote->setText(m_processes->value() == 1 ? QString()
                                                       : tr("%1 × batch %2 = %3 images a step")
                                                             .arg(m_processes->value())
                                                             .arg(batch)
                                                             .arg(m_processes->value() * batch));
}

void TrainingSettings::chooseOutputFolder() {
    const QString start = m_outDir->text().isEmpty() ? defaultRunsFolder() : m_outDir->text();
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Folder for training runs"), start);
    if (!folder.isEmpty()) {
        m_outDir->setText(folder);
        apply();
    }
}

} // namespace tstudio::ui
