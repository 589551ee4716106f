#include "ui/runs/run_deletion.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QStringList>

#include "core/training/run_folder.h"
#include "ui/common/background_job.h"
#include "ui/models/run_text.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {

constexpr int kFoldersNamed = 5;

QString folderOf(const project::RunRecord& run) {
    return QDir::toNativeSeparators(
        QString::fromStdString(run.summary.bundle.parent_path().string()));
}

} // namespace

RunDeletion::RunDeletion(ProjectState* project, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_project(project), m_dialogParent(dialogParent),
      m_job(new BackgroundJob(this)) {
    connect(m_job, &BackgroundJob::failed, this, [this](const QString& message) {
        QMessageBox::warning(m_dialogParent, tr("Delete Runs"), message);
        Q_EMIT runningChanged(false);
    });
}

bool RunDeletion::isRunning() const {
    return m_job->isRunning();
}

void RunDeletion::deleteRuns(const std::vector<project::RunRecord>& runs) {
    if (runs.empty() || isRunning()) {
        return;
    }
    QStringList folders;
    for (std::size_t i = 0; i < runs.size() && i < kFoldersNamed; ++i) {
        folders << folderOf(runs[i]);
    }
    if (runs.size() > kFoldersNamed) {
        folders << tr("and %n more", nullptr, static_cast<int>(runs.size() - kFoldersNamed));
    }
    QMessageBox ask(
        QMessageBox::Question, tr("Delete Runs"),
        tr("Delete %n run(s) and their folder(s)?", nullptr, static_cast<int>(runs.size())),
        QMessageBox::Cancel, m_dialogParent);
    ask.setObjectName(QStringLiteral("confirmRunDeletion"));
    ask.setInformativeText(tr("The model bundle, checkpoint and run log in these folders are "
                              "deleted for good:\n%1")
                               .arg(folders.join(QLatin1Char('\n'))));
    QPushButton* remove = ask.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != remove) {
        return;
    }
    m_job->start(
        [runs](JobControl& control) -> Result<std::vector<Outcome>> {
            std::vector<Outcome> outcomes;
            for (std::size_t i = 0; i < runs.size() && !control.isCancelled(); ++i) {
                Outcome outcome{runs[i], false, {}};
                const auto removed =
                    training::removeRunFolder(runs[i].summary.bundle.parent_path());
                if (removed) {
                    outcome.forget = true;
                } else {
                    outcome.problem = QString::fromStdString(removed.message());
                }
                outcomes.push_back(std::move(outcome));
                control.reportProgress(static_cast<qint64>(i + 1),
                                       static_cast<qint64>(runs.size()));
            }
            return outcomes;
        },
        [this](const std::vector<Outcome>& outcomes) { onDeleted(outcomes); });
    Q_EMIT runningChanged(true);
}

void RunDeletion::onDeleted(const std::vector<Outcome>& outcomes) {
    for (const Outcome& outcome : outcomes) {
        if (outcome.forget) {
            forget(outcome.run);
            continue;
        }
        QMessageBox refused(QMessageBox::Warning, tr("Delete Runs"),
                            tr("The run %1 was not deleted.").arg(runTitle(outcome.run)),
                            QMessageBox::NoButton, m_dialogParent);
        refused.setObjectName(QStringLiteral("runFolderRefused"));
        refused.setInformativeText(outcome.problem);
        QPushButton* listOnly =
            refused.addButton(tr("Remove from the List Only"), QMessageBox::DestructiveRole);
        QPushButton* keep = refused.addButton(tr("Keep the Run"), QMessageBox::RejectRole);
        refused.setDefaultButton(keep);
        refused.exec();
        if (refused.clickedButton() == listOnly) {
            forget(outcome.run);
        }
    }
    Q_EMIT runningChanged(false);
}

void RunDeletion::forget(const project::RunRecord& run) {
    // By identity, not index: the list may have changed while the folders were deleted.
    const auto& runs = m_project->runs();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (isSameRun(runs[i], run)) {
            m_project->removeRun(i);
            return;
        }
    }
}

} // namespace tstudio::ui
