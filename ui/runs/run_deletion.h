#pragma once

#include <vector>

#include <QObject>
#include <QString>

#include "core/project/project.h"

class QWidget;

namespace tstudio::ui {

class BackgroundJob;
class ProjectState;

/**
 * Deletes runs from the project: asks first (naming the folders), then deletes each run's folder
 * off the GUI thread and forgets the run. Only a folder a training run wrote is deleted
 * (training::checkRunFolder()); for any other the person is told why and may remove the run from
 * the list only, keeping the folder. A run whose folder is already gone is just forgotten.
 * Lives on the GUI thread.
 */
class RunDeletion final : public QObject {
    Q_OBJECT

public:
    RunDeletion(ProjectState* project, QWidget* dialogParent, QObject* parent = nullptr);

    /** Asks, then deletes runs (project runs, by start and bundle). Ignored while one runs. */
    void deleteRuns(const std::vector<project::RunRecord>& runs);
    bool isRunning() const;

Q_SIGNALS:
    /** Deleting began / ended (after the question, and any message about refused folders). */
    void runningChanged(bool running);

private:
    struct Outcome {
        project::RunRecord run;
        bool forget = false; ///< folder deleted or already gone
        QString problem;     ///< why the folder was kept
    };

    void onDeleted(const std::vector<Outcome>& outcomes);
    void forget(const project::RunRecord& run);

    ProjectState* m_project = nullptr;
    QWidget* m_dialogParent = nullptr;
    BackgroundJob* m_job = nullptr;
};

} // namespace tstudio::ui
