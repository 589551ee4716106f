#pragma once

#include <vector>

#include <QString>
#include <QStringList>

#include "core/common/result.h"
#include "ui/classify/classified_image.h"

namespace tstudio::ui {

/**
 * Writes the classified images to path as `tstudio predict --csv` does (the same writer,
 * inference::PredictionCsv: path, predicted class, one probability per class of classes),
 * atomically; unreadable images have no row. Any thread: the page calls it off the GUI thread.
 */
Status writeResultsCsv(const QString& path, const QStringList& classes,
                       const std::vector<ClassifiedImage>& images);

} // namespace tstudio::ui
