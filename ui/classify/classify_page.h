#pragma once

#include <memory>

#include <QString>
#include <QStringList>
#include <QWidget>

#include "ui/classify/classifier_choice.h"

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace tstudio::ui {

class BackgroundJob;
class ClassificationResultsModel;
class ClassifyWorker;
class GradCamPreview;
class ModelChooser;
class ProjectState;
class WeightDownloadJob;
class WorkerThread;
struct ClassifiedImage;

/**
 * The Classify step: drop images or folders (or paste one, or open them) and see what the chosen
 * model names in each: a trained model of the project (the newest run's by default) or the
 * backbone as is with its ImageNet classes. Every image gets its thumbnail and its top classes
 * as bars; the results table sorts by any column and exports to CSV like `tstudio predict
 * --csv`. The network runs on a worker thread in batches; the page stays responsive, shows
 * progress and can cancel.
 */
class ClassifyPage final : public QWidget {
    Q_OBJECT

public:
    static constexpr int kTopK = 5;

    explicit ClassifyPage(QWidget* parent = nullptr);
    /** Never waits: a running job is cancelled and ends on its own thread (WorkerThread). */
    ~ClassifyPage() override;

    /** The backbone "as is" runs and its weights file (empty: none known yet). */
    void setBackbone(const QString& arch, const QString& displayName, const QString& weightsPath);
    /** The project whose runs' models the chooser lists (and follows). */
    void setProject(ProjectState* project);
    QString weightsPath() const { return m_weightsPath; }
    bool isBusy() const { return m_busy; }
    ModelChooser* modelChooser() const { return m_chooser; }
    ClassificationResultsModel* results() const { return m_results; }
    GradCamPreview* preview() const { return m_preview; }
    QTableView* resultsView() const { return m_view; }

public Q_SLOTS:
    /** Classifies the given image files (folders are expanded); no-op with a message if busy. */
    void classifyFiles(const QStringList& paths);
    /** Lets the person pick a weights file (.pth / .safetensors). */
    void chooseWeightsFile();
    /** Lets the person pick images to classify. */
    void chooseImages();
    /** Lets the person pick a folder to classify (searched recursively). */
    void chooseFolder();
    /** Classifies the clipboard's image (saved to the cache folder first) or its files. */
    void paste();
    /** Downloads the backbone's official weights into the hub cache (progress, cancel). */
    void downloadWeights();
    /** Writes the results as `tstudio predict --csv` does, off the GUI thread; then csvWritten. */
    void exportCsv(const QString& path);
    /** Asks where to write the CSV, then exportCsv(). */
    void chooseCsvFile();
    void cancel();

Q_SIGNALS:
    void weightsChosen(const QString& arch, const QString& path);
    void weightsDownloaded(const QString& arch, const QString& path);
    void busyChanged(bool busy);
    void statusMessage(const QString& message);
    /** Emitted after each job ends, whatever the outcome (for tests and the status bar). */
    void jobEnded();
    /** The CSV export ended: path written, or an empty path when it failed or was cancelled. */
    void csvWritten(const QString& path);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    /** The model chooser. */
    QHBoxLayout* buildModelRow();
    /** The backbone's weights file, with Download and Choose (only for the backbone as is). */
    QHBoxLayout* buildWeightsRow();
    /** Open images…, Open folder…, Paste, the progress, Cancel and Export CSV…. */
    QHBoxLayout* buildActionRow();
    QTableView* buildResultsView();
    /** The results table beside the large preview with its Grad-CAM overlay. */
    QSplitter* buildResultsAndPreview();
    void showSelectedResult();
    void connectDownloadJob();
    void connectWorker();
    void setBusy(bool busy);
    void onStarted(int total, const QStringList& classes);
    void addResults(const QList<ClassifiedImage>& batch, int done, int total);
    void onChoiceChanged(const ClassifierChoice& choice);
    void updateHint();

    QString m_arch;
    QString m_displayName;
    QString m_weightsPath;
    bool m_busy = false;
    /** The model the table's rows come from; a job with another model starts a new table. */
    ClassifierChoice m_resultsChoice;
    ClassifierChoice m_jobChoice;

    QLabel* m_hint = nullptr;
    ModelChooser* m_chooser = nullptr;
    QWidget* m_weightsRow = nullptr;
    QLineEdit* m_weightsEdit = nullptr;
    QPushButton* m_chooseWeights = nullptr;
    QPushButton* m_download = nullptr;
    QPushButton* m_chooseImages = nullptr;
    QPushButton* m_chooseFolder = nullptr;
    QPushButton* m_paste = nullptr;
    QPushButton* m_export = nullptr;
    QTableView* m_view = nullptr;
    GradCamPreview* m_preview = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;

    ClassificationResultsModel* m_results = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    ClassifyWorker* m_worker = nullptr; ///< lives on m_thread, which deletes it as it ends
    std::unique_ptr<WorkerThread> m_thread;
    WeightDownloadJob* m_downloadJob = nullptr;
    BackgroundJob* m_pasteJob = nullptr;
    BackgroundJob* m_exportJob = nullptr;
};

} // namespace tstudio::ui
