#include "ui/project/dataset_export_actions.h"

#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>

#include "core/data/dataset_export.h"
#include "ui/common/background_job.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

DatasetExportActions::DatasetExportActions(ProjectState* state, QWidget* window)
    : QObject(window), m_state(state), m_window(window), m_job(new BackgroundJob(this)) {
    m_menu = new QMenu(tr("&Export Labelled Dataset"), window);
    const auto chooseFolder = [this](bool hardLinks) {
        const QString folder = QFileDialog::getExistingDirectory(
            m_window, tr("Export into a New or Empty Folder"), QDir::homePath());
        if (!folder.isEmpty()) {
            exportFolder(folder, hardLinks);
        }
    };
    m_menu->addAction(tr("As Class &Folders…"), this, [chooseFolder] { chooseFolder(false); })
        ->setToolTip(tr("Copies of the images in one folder per class (and per split)"));
    m_menu
        ->addAction(tr("As Class Folders of &Hard Links…"), this,
                    [chooseFolder] { chooseFolder(true); })
        ->setToolTip(tr("The same tree without copying: links to the images (same disk)"));
    m_menu->addAction(tr("As &CSV List…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            m_window, tr("Export as CSV"), QDir::home().filePath(QStringLiteral("labels.csv")),
            tr("CSV lists (*.csv)"));
        if (!file.isEmpty()) {
            exportCsv(file);
        }
    });
    connect(m_state, &ProjectState::trainingChanged, m_menu,
            [this](bool training) { m_menu->setEnabled(!training); });

    m_progress =
        new QProgressDialog(tr("Exporting the labelled images…"), tr("Cancel"), 0, 0, m_window);
    m_progress->setWindowTitle(tr("Export Labelled Dataset"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoReset(false);
    m_progress->reset(); // hidden until an export starts
    connect(m_progress, &QProgressDialog::canceled, m_job, &BackgroundJob::cancel);
    connect(m_job, &BackgroundJob::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setMaximum(static_cast<int>(total));
        m_progress->setValue(static_cast<int>(done));
    });
    connect(m_job, &BackgroundJob::failed, this, [this](const QString& message) {
        m_progress->reset();
        Q_EMIT finished(false, message);
    });
    connect(m_job, &BackgroundJob::cancelled, this, [this] {
        m_progress->reset();
        Q_EMIT finished(false, tr("The export was cancelled; nothing was left behind."));
    });
    connect(this, &DatasetExportActions::finished, this, [this](bool ok, const QString& message) {
        if (ok) {
            Q_EMIT statusMessage(message);
        } else if (m_window->isVisible()) {
            QMessageBox::warning(m_window, tr("Export Labelled Dataset"), message);
        }
    });
}

void DatasetExportActions::exportCsv(const QString& file) {
    // Written off the GUI thread like the folder: a slow or network disk never freezes the
    // window.
    m_job->start([dataset = m_state->dataset(), target = file.toStdString()](
                     JobControl&) { return data::exportCsv(dataset, target); },
                 [this, file](Done) {
                     Q_EMIT finished(true, tr("Exported %1").arg(QDir::toNativeSeparators(file)));
                 });
}

void DatasetExportActions::exportFolder(const QString& folder, bool hardLinks) {
    data::FolderExportOptions options;
    options.target = folder.toStdString();
    options.hardLinks = hardLinks;
    m_progress->setMaximum(0);
    m_progress->setValue(0);
    m_job->start(
        [dataset = m_state->dataset(), options](JobControl& control) {
            return data::exportImageFolder(
                dataset, options,
                [&control](std::int64_t done, std::int64_t total) {
                    control.reportProgress(done, total);
                },
                control.cancelFlag());
        },
        [this, folder](data::FolderExportSummary exported) {
            m_progress->reset();
            Q_EMIT finished(true, tr("Exported %1 images to %2 (%3 hard-linked)")
                                      .arg(exported.images)
                                      .arg(QDir::toNativeSeparators(folder))
                                      .arg(exported.linked));
        });
}

} // namespace tstudio::ui
