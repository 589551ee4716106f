#include "ui/common/duration_text.h"

#include <cmath>

#include <QCoreApplication>

namespace tstudio::ui {

QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0.0) {
        return QStringLiteral("–");
    }
    const auto total = static_cast<qint64>(std::llround(seconds));
    if (total >= 3600) {
        return QCoreApplication::translate("Duration", "%1 h %2 min")
            .arg(total / 3600)
            .arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    if (total >= 60) {
        return QCoreApplication::translate("Duration", "%1 min %2 s")
            .arg(total / 60)
            .arg(total % 60, 2, 10, QLatin1Char('0'));
    }
    return QCoreApplication::translate("Duration", "%1 s").arg(total);
}

} // namespace tstudio::ui
