#include "ui/models/run_text.h"

#include <cmath>

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include "core/models/registry.h"

namespace tstudio::ui {

QString percentText(double value) {
    return std::isfinite(value) ? QLocale().toString(100.0 * value, 'f', 1) + QStringLiteral(" %")
                                : QStringLiteral("–");
}

QString backboneText(const std::string& arch) {
    const models::BackboneInfo* info = models::findBackbone(arch);
    return QString::fromStdString(info != nullptr ? info->displayName : arch);
}

QString modeText(training::TrainMode mode) {
    switch (mode) {
    case training::TrainMode::Feature:
        return QCoreApplication::translate("RunText", "Features + head");
    case training::TrainMode::FineTune:
        return QCoreApplication::translate("RunText", "Fine-tune");
    case training::TrainMode::TwoStage:
        return QCoreApplication::translate("RunText", "Two-stage");
    }
    return {};
}

QString startedText(const project::RunRecord& run) {
    const QDateTime when =
        QDateTime::fromString(QString::fromStdString(run.startedAt), Qt::ISODate);
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
                          : QString::fromStdString(run.startedAt);
}

QString runTitle(const project::RunRecord& run) {
    const QString separator = QStringLiteral(" · ");
    return startedText(run) + separator + backboneText(run.config.arch) + separator +
           modeText(run.config.mode) + separator + percentText(run.summary.bestValAccuracy);
}

} // namespace tstudio::ui
