#pragma once

#include <QtGlobal>

class QProgressBar;

namespace tstudio::ui {

/** Shows a download's progress on bar: "12.3 of 45.6 MiB", or busy while the size is unknown. */
void showDownloadProgress(QProgressBar* bar, qint64 received, qint64 total);

} // namespace tstudio::ui
