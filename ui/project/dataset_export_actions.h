#pragma once

#include <QObject>

class QMenu;
class QProgressDialog;
class QWidget;

namespace tstudio::ui {

class BackgroundJob;
class ProjectState;

/**
 * File > Export Labelled Dataset: the project's labelled images (excluded ones left out) as
 * class folders — copied, or hard-linked to save space — or as a CSV list, for other tools.
 * The export runs off the GUI thread behind a progress dialog whose Cancel removes what was
 * written (core/data/dataset_export.h).
 */
class DatasetExportActions final : public QObject {
    Q_OBJECT

public:
    DatasetExportActions(ProjectState* state, QWidget* window);

    QMenu* menu() const { return m_menu; }

    /** Exports to folder (new or empty) without asking; the dialog shows progress. */
    void exportFolder(const QString& folder, bool hardLinks);
    void exportCsv(const QString& file);

Q_SIGNALS:
    void statusMessage(const QString& message);
    /** An export ended: message says how (tests wait for it). */
    void finished(bool ok, const QString& message);

private:
    ProjectState* m_state = nullptr;
    QWidget* m_window = nullptr;
    QMenu* m_menu = nullptr;
    BackgroundJob* m_job; ///< one export at a time
    QProgressDialog* m_progress = nullptr;
};

} // namespace tstudio::ui
