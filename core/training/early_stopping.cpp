#include "core/training/early_stopping.h"

namespace tstudio::training {

bool EarlyStopper::update(const EpochMetrics& metrics) {
    if (!enabled()) {
        return false;
    }
    const double value =
        m_config.metric == EarlyStopping::Metric::ValLoss ? -metrics.valLoss : metrics.valAccuracy;
    if (!m_haveBest || value > m_best) {
        m_best = value;
        m_haveBest = true;
        m_badEpochs = 0;
        return false;
    }
    return ++m_badEpochs >= m_config.patience;
}

void EarlyStopper::reset() {
    m_haveBest = false;
    m_badEpochs = 0;
}

std::string EarlyStopper::reason() const {
    return std::string("no improvement of ") +
           (m_config.metric == EarlyStopping::Metric::ValLoss ? "val_loss" : "val_accuracy") +
           " for " + std::to_string(m_config.patience) + " epochs";
}

QJsonObject EarlyStopper::toJson() const {
    return QJsonObject{{QStringLiteral("best"), m_best},
                       {QStringLiteral("haveBest"), m_haveBest},
                       {QStringLiteral("badEpochs"), m_badEpochs}};
}

void EarlyStopper::restore(const QJsonObject& json) {
    m_best = json.value(QStringLiteral("best")).toDouble();
    m_haveBest = json.value(QStringLiteral("haveBest")).toBool();
    m_badEpochs = json.value(QStringLiteral("badEpochs")).toInt();
}

} // namespace tstudio::training
