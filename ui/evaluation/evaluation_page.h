#pragma once

#include <memory>

#include <QString>
#include <QWidget>

#include "core/data/split.h"
#include "core/training/evaluation_report.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QUndoStack;

namespace tstudio::ui {

class BackgroundJob;
class ClassMetricsModel;
class ConfusionMatrixPlot;
class ImageOutcomeModel;
class ProjectState;
class ThumbnailLoader;

/**
 * The Evaluate step: a trained model of the project (the run just finished by default, any run
 * of the history, or a bundle file) measured on the project's images — accuracy, the per-class
 * table, the confusion matrix as a heat map whose cells open a gallery of exactly their images,
 * and the top losses. An image that is wrong may be wrongly labelled: relabel or exclude it right
 * there (an undoable project edit). Evaluation runs off the GUI thread through the one path the
 * CLI's `tstudio evaluate` uses, with progress and cancel; the report exports as `--report` does.
 */
class EvaluationPage final : public QWidget {
    Q_OBJECT

public:
    EvaluationPage(ProjectState* state, QUndoStack* undo, ThumbnailLoader* loader = nullptr,
                   QWidget* parent = nullptr);
    ~EvaluationPage() override;

    /** The bundle that evaluate() measures (empty: none yet). */
    QString bundle() const;
    /** Adds path to the model choice (if new) and selects it. */
    void setBundle(const QString& path);
    void setSplit(data::Split split);
    std::shared_ptr<const training::EvaluationReport> report() const { return m_report; }
    bool isBusy() const;

    ConfusionMatrixPlot* confusionPlot() const { return m_confusion; }
    ImageOutcomeModel* cellImages() const { return m_cellModel; }
    ImageOutcomeModel* topLosses() const { return m_lossModel; }
    QListView* cellView() const { return m_cellView; }
    QListView* lossView() const { return m_lossView; }

public Q_SLOTS:
    /** Measures the chosen bundle on the chosen images (cancels one running). */
    void evaluate();
    void cancel();
    /** Shows the images of confusion cell (trueClass, predicted) in the gallery tab. */
    void showCell(int trueClass, int predicted);
    /** Gives the images selected in the current gallery the project class label (undoable). */
    void relabelSelection(int label);
    /** Excludes the images selected in the current gallery from training (undoable). */
    void excludeSelection();
    /** Writes the report's files into a folder the person picks. */
    void exportReport();
    /** Writes the report's files into dir, off the GUI thread. */
    void exportReportTo(const QString& dir);

Q_SIGNALS:
    void statusMessage(const QString& message);
    /** Emitted when an evaluation ends, whatever the outcome (for tests). */
    void evaluationEnded();
    void exportEnded(bool ok);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildControls();
    QWidget* buildResults();
    QWidget* buildGallery(QListView*& view, ImageOutcomeModel* model, const QString& name);
    void refreshBundles();
    void showReport(std::shared_ptr<const training::EvaluationReport> report);
    void setBusy(bool busy);
    void updateActions();
    QListView* currentGallery() const;
    std::vector<std::size_t> selectedSamples() const;
    void chooseOtherBundle();
    void clearReport();
    void fillRelabelClasses();

    ProjectState* m_state;
    QUndoStack* m_undo;
    ThumbnailLoader* m_loader;
    std::unique_ptr<ThumbnailLoader> m_ownLoader;
    std::shared_ptr<const training::EvaluationReport> m_report;
    QString m_reportBundle;     ///< what m_report measured
    bool m_reportStale = false; ///< a newer run or other images since
    QString m_otherBundle;      ///< picked with "Other bundle…"

    QComboBox* m_bundleCombo = nullptr;
    QComboBox* m_splitCombo = nullptr;
    QPushButton* m_evaluateButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    ConfusionMatrixPlot* m_confusion = nullptr;
    QCheckBox* m_normalised = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_classTable = nullptr;
    ClassMetricsModel* m_classModel = nullptr;
    ImageOutcomeModel* m_cellModel = nullptr;
    ImageOutcomeModel* m_lossModel = nullptr;
    QListView* m_cellView = nullptr;
    QListView* m_lossView = nullptr;
    QComboBox* m_relabelCombo = nullptr;
    QPushButton* m_relabelButton = nullptr;
    QPushButton* m_excludeButton = nullptr;
    BackgroundJob* m_job = nullptr;
    BackgroundJob* m_exportJob = nullptr;
};

} // namespace tstudio::ui
