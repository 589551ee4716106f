#include "ui/models/run_text.h"

#include <cmath>
#include <iterator>

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

QColor runColor(std::size_t index) {
    // Matplotlib's "tab10": distinct for up to ten runs, readable on light and dark backgrounds.
    static const QColor kColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                     QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
                                     QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return kColors[index % std::size(kColors)];
}

bool isSameRun(const project::RunRecord& a, const project::RunRecord& b) {
    return a.startedAt == b.startedAt && a.summary.bundle == b.summary.bundle;
}

} // namespace tstudio::ui
