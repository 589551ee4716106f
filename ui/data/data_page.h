#pragma once

#include <QString>
#include <QWidget>

#include "core/data/dataset_report.h"

class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QTreeWidget;

namespace tstudio::data {
class Dataset;
} // namespace tstudio::data

namespace tstudio::ui {

class AugmentationEditor;
class AugmentationPreview;
class BackgroundJob;
class ClassCountModel;
class MessageBanner;
class ProjectState;

/**
 * The Data step: open a dataset (image folder, CSV, CIFAR-10 binary, IDX) off the GUI thread,
 * see its summary, images per class and split, and every problem the dataset report finds;
 * split it when the source has no split of its own; set the training augmentations and see
 * them on a sample. Writes the dataset and the augmentation settings into the ProjectState.
 */
class DataPage final : public QWidget {
    Q_OBJECT

public:
    explicit DataPage(ProjectState* project, QWidget* parent = nullptr);
    ~DataPage() override;

    bool isBusy() const;
    ClassCountModel* classCounts() const { return m_counts; }
    AugmentationPreview* preview() const { return m_preview; }
    /** The report of the last finished check of the current dataset (empty before one). */
    const data::DatasetReport& report() const { return m_report; }

    /** Saves and restores the layout (splitter sizes) under the given QSettings group. */
    void saveState(const QString& group) const;
    void restoreState(const QString& group);

public Q_SLOTS:
    /** Opens a folder or file as a dataset; a scan already going is stopped first. */
    void openPath(const QString& path);
    void chooseFolder();
    void chooseFile();
    /** Draws the demo dataset into dir (replacing an older one) and opens it. */
    void createDemoProject(const QString& dir);
    /** Splits the labelled images by the fractions and seed set on the page. */
    void applySplit();
    /** Stops a scan, check or demo generation in progress. */
    void cancel();

Q_SIGNALS:
    void datasetOpened(const QString& path);
    /** Opening, splitting or generating failed; the message is shown on the page too. */
    void failed(const QString& message);
    /** The dataset report is ready; problemCount problems are listed. */
    void reportReady(int problemCount);
    void busyChanged(bool busy);
    void statusMessage(const QString& message);

private:
    QWidget* createDatasetColumn();
    QWidget* createSettingsColumn();
    QGroupBox* createSplitBox();
    void connectJobs();
    void setBusy(bool busy, const QString& what = {});
    void onScanFinished(const data::Dataset& dataset);
    void onDatasetChanged();
    void onConfigChanged();
    void onAugmentationEdited();
    void startCheck();
    void showReport(const data::DatasetReport& report);
    void updateSummary();
    void updateSplitBox();
    void showError(const QString& message);

    ProjectState* m_project = nullptr;
    QString m_openingPath;
    bool m_sourceHasSplit = false;
    data::DatasetReport m_report;

    // Opening, drawing the demo and checking the files run off the GUI thread; the first two
    // make the page busy, the check runs behind the shown dataset.
    BackgroundJob* m_scan = nullptr;
    BackgroundJob* m_demo = nullptr;
    BackgroundJob* m_inspect = nullptr;

    MessageBanner* m_banner = nullptr;
    QLabel* m_path = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QSplitter* m_splitter = nullptr;

    QFormLayout* m_summary = nullptr;
    QLabel* m_kind = nullptr;
    QLabel* m_images = nullptr;
    QLabel* m_classes = nullptr;
    QLabel* m_sizes = nullptr;
    ClassCountModel* m_counts = nullptr;
    QTableView* m_countView = nullptr;
    QLabel* m_problemStatus = nullptr;
    QPushButton* m_stopCheck = nullptr;
    QTreeWidget* m_problems = nullptr;

    QGroupBox* m_splitBox = nullptr;
    QLabel* m_splitNote = nullptr;
    QSpinBox* m_trainPercent = nullptr;
    QSpinBox* m_valPercent = nullptr;
    QSpinBox* m_testPercent = nullptr;
    QSpinBox* m_splitSeed = nullptr;
    QPushButton* m_applySplit = nullptr;

    AugmentationEditor* m_augmentation = nullptr;
    AugmentationPreview* m_preview = nullptr;
};

} // namespace tstudio::ui
