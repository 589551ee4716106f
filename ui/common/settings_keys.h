#pragma once

#include <QSize>
#include <QString>

/**
 * Every QSettings key the studio reads or writes, with its default, in one place: a reader sees
 * what is remembered across restarts, and a key cannot be spelled two ways. Keys are grouped as
 * QSettings shows them ("group/name"); the values stay where they are used.
 */
namespace tstudio::ui::settings_keys {

/** The main window's saveGeometry(); none: kDefaultWindowSize. */
QString windowGeometry();
/** The main window's saveState() (tool bars). */
QString windowState();
/** The object name of the step shown last; none: the first step. */
QString currentPage();
/** The group under which the Data page keeps its layout (splitter sizes). */
QString dataPageGroup();
/** Data page: its splitter's saveState(), inside dataPageGroup(). */
QString dataPageSplitter(const QString& group);
/** The dataset folder or file opened last; none: the demo project. */
QString lastDataset();
/** The project file open when the studio closed last; none or empty: lastDataset(). */
QString lastProject();
/** Recently opened or saved project files, newest first (at most kRecentProjects). */
QString recentProjects();
inline constexpr int kRecentProjects = 8;
/** The registry name of the backbone chosen last; none: kDefaultBackbone. */
QString backbone();
/** The weights file chosen for arch; empty or none: its official file from the hub cache. */
QString weightsFor(const QString& arch);
/** The whole training recipe as the engine's JSON; none: the recommended feature recipe. */
QString trainingConfig();
/** The folder of a run a stop left unfinished, to continue; none: nothing to continue. */
QString resumableRun();
/** Processes a run trains on (int), a setting of this computer, not of the project; none: 1. */
QString trainingProcesses();

/** Label page: move to the next unlabeled image after labelling (bool); none: true. */
QString labelAutoAdvance();
/** Label page: suggest labels from the backbone's features (bool); none: true. */
QString labelSuggest();
/** Label page: the grid's thumbnail size in pixels (int); none: kDefaultLabelThumbnailSize. */
QString labelThumbnailSize();
inline constexpr int kDefaultLabelThumbnailSize = 112;

/** Classify page: show the Grad-CAM overlay on the preview (bool); none: true. */
QString classifyGradCam();
/** Classify page: the Grad-CAM overlay's opacity in percent (int); none: 50. */
QString classifyGradCamOpacity();
inline constexpr int kDefaultGradCamOpacity = 50;

/** The backbone of a first start. */
QString defaultBackbone();
/** The window's size on a first start. */
inline constexpr QSize kDefaultWindowSize{1280, 800};

} // namespace tstudio::ui::settings_keys
