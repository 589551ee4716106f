#include "core/training/best_epoch.h"

namespace tstudio::training {

bool BestEpoch::offer(const EpochMetrics& metrics, bool validated) {
    const double accuracy = validated ? metrics.valAccuracy : 0.0;
    const double loss = validated ? metrics.valLoss : metrics.trainLoss;
    const bool better =
        m_epoch == 0 || accuracy > m_accuracy || (accuracy == m_accuracy && loss < m_loss);
    if (better) {
        m_epoch = metrics.epoch;
        m_accuracy = accuracy;
        m_loss = loss;
    }
    return better;
}

QJsonObject BestEpoch::toJson() const {
    return QJsonObject{{QStringLiteral("epoch"), m_epoch},
                       {QStringLiteral("accuracy"), m_accuracy},
                       {QStringLiteral("loss"), m_loss}};
}

BestEpoch BestEpoch::fromJson(const QJsonObject& json) {
    BestEpoch best;
    best.m_epoch = json.value(QStringLiteral("epoch")).toInt();
    best.m_accuracy = json.value(QStringLiteral("accuracy")).toDouble();
    best.m_loss = json.value(QStringLiteral("loss")).toDouble();
    return best;
}

} // namespace tstudio::training
