#pragma once

#include <QString>
#include <QWidget>

#include <filesystem>

class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableView;

namespace tstudio::ui {

class BackboneTableModel;
class ProjectState;
class WeightDownloadJob;

/**
 * Chooses the backbone and where its starting weights come from: every registry backbone with
 * its facts and weight status, then the official ImageNet file (found in the hub cache or
 * downloaded here, with progress and cancel), a local .pth/.safetensors file, or none (from
 * scratch). Writes arch, weights and fromScratch into the project's config.
 */
class BackbonePicker final : public QWidget {
    Q_OBJECT

public:
    enum class Source { Official, LocalFile, FromScratch };
    /** What the chosen source amounts to right now (for the status line and tests). */
    enum class WeightsStatus { InCache, Downloadable, Downloading, LocalFile, Missing, Scratch };

    explicit BackbonePicker(ProjectState* project, QWidget* parent = nullptr);
    ~BackbonePicker() override;

    BackboneTableModel* backbones() const { return m_backbones; }
    WeightsStatus weightsStatus() const { return m_status; }
    QString statusText() const;

    /** Replaces the download URL and target folder (a mirror; tests use a local server). */
    void setDownloadSource(const QString& url, const std::filesystem::path& directory);

public Q_SLOTS:
    void downloadWeights();
    void cancelDownload();
    /** Opens a file dialog for a local weights file. */
    void chooseWeightsFile();
    /** Uses path as the starting weights of the current backbone. */
    void useWeightsFile(const QString& path);
    void useSource(tstudio::ui::BackbonePicker::Source source);

Q_SIGNALS:
    void statusMessage(const QString& message);
    void downloadEnded();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void buildTable();
    /** The weight sources: official (status, download), local file, from scratch. */
    QGridLayout* buildWeightsGrid();
    void connectDownloadJob();
    void connectControls();
    void syncFromConfig();
    void updateStatus();
    void selectArch(const QString& arch);
    void setEditingEnabled(bool enabled);

    ProjectState* m_project;
    BackboneTableModel* m_backbones = nullptr;
    QTableView* m_table = nullptr;
    QRadioButton* m_official = nullptr;
    QRadioButton* m_local = nullptr;
    QRadioButton* m_scratch = nullptr;
    QLabel* m_officialStatus = nullptr;
    QPushButton* m_download = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLineEdit* m_localPath = nullptr;
    QPushButton* m_chooseFile = nullptr;
    QLabel* m_statusLabel = nullptr;
    WeightDownloadJob* m_downloadJob = nullptr;
    QString m_downloadUrl;
    std::filesystem::path m_downloadDirectory;
    WeightsStatus m_status = WeightsStatus::Downloadable;
    bool m_syncing = false;
};

} // namespace tstudio::ui
