#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tstudio::ui {

class ProjectState;
class ScientificSpinBox;

/**
 * The training settings of the project's config: optimizer and learning rate, schedule,
 * epochs and batch size, mode (feature extraction, fine-tuning, two-stage with its stage-2
 * settings), early stopping, device and output folder. Fields that do not apply to the chosen
 * optimizer, schedule or mode are hidden. Locked while a run trains.
 */
class TrainingSettings final : public QWidget {
    Q_OBJECT

public:
    explicit TrainingSettings(ProjectState* project, QWidget* parent = nullptr);

    /** The folder runs go into when the config names none. */
    static QString defaultRunsFolder();

    ScientificSpinBox* learningRate() const { return m_lr; }
    QPushButton* findLrButton() const { return m_findLr; }
    QComboBox* deviceBox() const { return m_device; }
    QSpinBox* processesBox() const { return m_processes; }
    /** Processes on this machine the next run trains on (a setting of this computer, kept in
        QSettings rather than in the project). */
    int processes() const;

Q_SIGNALS:
    void findLearningRateRequested();

private:
    /** Algorithm, learning rate (with Find…), weight decay, momentum, label smoothing. */
    QGroupBox* buildOptimizerBox();
    /** The learning-rate schedule and its parameters. */
    QGroupBox* buildScheduleBox();
    /** Mode, epochs, batch, early stopping, augmentation, device, runs folder. */
    QGroupBox* buildRunBox();
    /** Every edit applies to the project's config; the project's changes come back here. */
    void connectEdits();
    void syncFromConfig();
    void apply();
    void applyMode();
    void updateVisibility();
    void chooseOutputFolder();
    /** The processes' range for the device (cores for the CPU, GPUs for CUDA) and the note
        on the images each step takes. */
    void updateProcesses();

    ProjectState* m_project;
    QComboBox* m_optimizer = nullptr;
    ScientificSpinBox* m_lr = nullptr;
    QPushButton* m_findLr = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    QDoubleSpinBox* m_momentum = nullptr;
    QDoubleSpinBox* m_labelSmoothing = nullptr;
    QComboBox* m_schedule = nullptr;
    QSpinBox* m_warmup = nullptr;
    QSpinBox* m_stepEpochs = nullptr;
    QDoubleSpinBox* m_gamma = nullptr;
    QSpinBox* m_plateauPatience = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QComboBox* m_mode = nullptr;
    QSpinBox* m_headEpochs = nullptr;
    ScientificSpinBox* m_stage2Lr = nullptr;
    QSpinBox* m_patience = nullptr;
    QComboBox* m_stopMetric = nullptr;
    QLabel* m_recipeNote = nullptr;
    QCheckBox* m_augment = nullptr;
    QComboBox* m_device = nullptr;
    QSpinBox* m_processes = nullptr;
    QLabel* m_processesNote = nullptr;
    QLineEdit* m_outDir = nullptr;
    QPushButton* m_browse = nullptr;
    QFormLayout* m_optimizerForm = nullptr;
    QFormLayout* m_scheduleForm = nullptr;
    QFormLayout* m_runForm = nullptr;
    bool m_syncing = false;
};

} // namespace tstudio::ui
