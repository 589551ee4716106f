#include "ui/weights/download_progress.h"

#include <QCoreApplication>
#include <QProgressBar>

namespace tstudio::ui {

void showDownloadProgress(QProgressBar* bar, qint64 received, qint64 total) {
    if (total <= 0) {
        bar->setRange(0, 0);
        return;
    }
    constexpr double kMiB = 1024.0 * 1024.0;
    bar->setRange(0, 1000);
    bar->setValue(
        static_cast<int>(1000.0 * static_cast<double>(received) / static_cast<double>(total)));
    bar->setFormat(QCoreApplication::translate("DownloadProgress", "%1 of %2 MiB")
                       .arg(static_cast<double>(received) / kMiB, 0, 'f', 1)
                       .arg(static_cast<double>(total) / kMiB, 0, 'f', 1));
}

} // namespace tstudio::ui
