#pragma once

#include <memory>

#include <QString>
#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace tstudio::ui {

class ClassifyWorker;
class WeightDownloadJob;
class WorkerThread;
struct ClassifiedImage;

/**
 * "Classifier as is": drop photos (or pick them) and see the ImageNet classes the chosen
 * backbone names, with probabilities. The network runs on a worker thread; the page stays
 * responsive, shows progress and can cancel.
 */
class ClassifyPage final : public QWidget {
    Q_OBJECT

public:
    explicit ClassifyPage(QWidget* parent = nullptr);
    /** Never waits: a running job is cancelled and ends on its own thread (WorkerThread). */
    ~ClassifyPage() override;

    /** The backbone to use and its weights file (empty: none known yet). */
    void setBackbone(const QString& arch, const QString& displayName, const QString& weightsPath);
    QString weightsPath() const { return m_weightsPath; }
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    /** Classifies the given image files (folders are expanded); no-op with a message if busy. */
    void classifyFiles(const QStringList& paths);
    /** Lets the person pick a weights file (.pth / .safetensors). */
    void chooseWeightsFile();
    /** Lets the person pick images to classify. */
    void chooseImages();
    /** Downloads the backbone's official weights into the hub cache (progress, cancel). */
    void downloadWeights();
    void cancel();

Q_SIGNALS:
    void weightsChosen(const QString& arch, const QString& path);
    void weightsDownloaded(const QString& arch, const QString& path);
    void busyChanged(bool busy);
    void statusMessage(const QString& message);
    /** Emitted after each job ends, whatever the outcome (for tests and the status bar). */
    void jobEnded();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    /** The weights file, with Download and Choose. */
    QHBoxLayout* buildWeightsRow();
    /** Classify images…, the progress and Cancel. */
    QHBoxLayout* buildActionRow();
    void connectDownloadJob();
    void connectWorker();
    void setBusy(bool busy);
    void addResult(const ClassifiedImage& result, int done, int total);
    void updateHint();

    QString m_arch;
    QString m_displayName;
    QString m_weightsPath;
    bool m_busy = false;

    QLabel* m_hint = nullptr;
    QLineEdit* m_weightsEdit = nullptr;
    QPushButton* m_chooseWeights = nullptr;
    QPushButton* m_download = nullptr;
    QPushButton* m_chooseImages = nullptr;
    QTreeWidget* m_results = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;

    ClassifyWorker* m_worker = nullptr; ///< lives on m_thread, which deletes it as it ends
    std::unique_ptr<WorkerThread> m_thread;
    WeightDownloadJob* m_downloadJob = nullptr;
};

} // namespace tstudio::ui
