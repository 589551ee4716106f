#pragma once

#include <QImage>
#include <QString>

#include "core/common/result.h"

namespace tstudio::ui {

/**
 * Saves an image pasted from the clipboard as a PNG in folder (created if needed), atomically,
 * under a new name ("pasted-<UTC time>.png"), so that it can be classified by path like any
 * file. Any thread. Fails with a message naming the file and the reason.
 */
Result<QString> savePastedImage(const QImage& image, const QString& folder);

} // namespace tstudio::ui
