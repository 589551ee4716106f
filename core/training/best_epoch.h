#pragma once

// Private to core/training: which epoch a run keeps.

#include <QJsonObject>

#include "core/training/training_events.h"

namespace tstudio::training {

/**
 * The best epoch so far: highest validation accuracy, ties broken by the lower validation loss
 * (a small validation set ties often, and the epoch whose loss kept falling generalises
 * better); without a validation split, the lowest training loss.
 */
class BestEpoch {
public:
    /** Considers a finished epoch; true when it is the new best. */
    bool offer(const EpochMetrics& metrics, bool validated);
    /** 1-based over the run; 0 before any epoch. */
    int epoch() const { return m_epoch; }

    QJsonObject toJson() const;
    static BestEpoch fromJson(const QJsonObject& json);

private:
    int m_epoch = 0;
    double m_accuracy = 0.0; ///< validation accuracy of the best epoch
    double m_loss = 0.0;     ///< its validation loss, or its training loss without validation
};

} // namespace tstudio::training
