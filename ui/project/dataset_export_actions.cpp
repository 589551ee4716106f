#include "ui/project/dataset_export_actions.h"

#include <atomic>
#include <memory>
#include <utility>

#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include "core/data/dataset_export.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

DatasetExportActions::DatasetExportActions(ProjectState* state, QWidget* window)
    : QObject(window), m_state(state), m_window(window) {
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
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, file] {
        watcher->deleteLater();
        const QString error = watcher->result();
        Q_EMIT finished(error.isEmpty(), error.isEmpty()
                                             ? tr("Exported %1").arg(QDir::toNativeSeparators(file))
                                             : error);
    });
    watcher->setFuture(
        QtConcurrent::run([dataset = m_state->dataset(), target = file.toStdString()]() -> QString {
            const Status written = data::exportCsv(dataset, target);
            return written ? QString() : QString::fromStdString(written.message());
        }));
}

void DatasetExportActions::exportFolder(const QString& folder, bool hardLinks) {
    auto cancel = std::make_shared<std::atomic_bool>(false);
    auto* dialog =
        new QProgressDialog(tr("Exporting the labelled images…"), tr("Cancel"), 0, 0, m_window);
    dialog->setWindowTitle(tr("Export Labelled Dataset"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    connect(dialog, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });
    const QPointer<QProgressDialog> progressTo(dialog);

    using Outcome = std::pair<bool, QString>; // ok, and what to tell the person
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, dialog] {
        watcher->deleteLater();
        dialog->deleteLater();
        const Outcome outcome = watcher->result();
        Q_EMIT finished(outcome.first, outcome.second);
    });
    data::FolderExportOptions options;
    options.target = folder.toStdString();
    options.hardLinks = hardLinks;
    watcher->setFuture(QtConcurrent::run([dataset = m_state->dataset(), options, cancel, progressTo,
                                          folder]() -> Outcome {
        const auto report = [progressTo](std::int64_t done, std::int64_t total) {
            // Queued to the dialog's thread; dropped if the dialog is gone.
            QMetaObject::invokeMethod(
                progressTo,
                [progressTo, done, total] {
                    if (progressTo) {
                        progressTo->setMaximum(static_cast<int>(total));
                        progressTo->setValue(static_cast<int>(done));
                    }
                },
                Qt::QueuedConnection);
        };
        const auto exported = data::exportImageFolder(dataset, options, report, cancel.get());
        if (!exported) {
            return Outcome{false, QString::fromStdString(exported.message())};
        }
        return Outcome{true, DatasetExportActions::tr("Exported %1 images to %2 (%3 hard-linked)")
                                 .arg(exported->images)
                                 .arg(QDir::toNativeSeparators(folder))
                                 .arg(exported->linked)};
    }));
}

} // namespace tstudio::ui
