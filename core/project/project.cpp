#include "core/project/project.h"

#include <QDateTime>

namespace tstudio::project {

RunRecord makeRunRecord(const training::TrainingConfig& config,
                        const training::TrainingSummary& summary) {
    RunRecord run;
    const QDateTime started = QDateTime::currentDateTimeUtc().addMSecs(
        -static_cast<qint64>(summary.wallSeconds * 1000.0));
    run.startedAt = started.toString(Qt::ISODate).toStdString();
    run.config = config;
    run.summary = summary;
    return run;
}

} // namespace tstudio::project
