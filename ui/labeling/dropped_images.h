#pragma once

#include <filesystem>
#include <vector>

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tstudio::ui {

/** The image files found in what was dropped, and what was dropped that holds none. */
struct DroppedImages {
    std::vector<std::filesystem::path> files;
    QStringList ignored; ///< dropped files that are not images (by content and extension)
};

/**
 * The image files named by dropped URLs: local files that are images, and every image below a
 * dropped folder (recursively, sorted, hidden ones skipped). Reads the disk, so call it off the
 * GUI thread for folders (a photo library scans for seconds). Any thread.
 */
DroppedImages collectDroppedImages(const QList<QUrl>& urls);

} // namespace tstudio::ui
