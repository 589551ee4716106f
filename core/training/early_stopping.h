#pragma once

// Private to core/training: early stopping, counted within a stage.

#include <QJsonObject>

#include "core/training/training_config.h"
#include "core/training/training_events.h"

namespace tstudio::training {

class EarlyStopper {
public:
    explicit EarlyStopper(const EarlyStopping& config) : m_config(config) {}

    bool enabled() const { return m_config.patience > 0; }
    /** After a validated epoch: true when the metric has not improved for patience epochs. */
    bool update(const EpochMetrics& metrics);
    /** A new stage starts counting afresh (its learning rate and trainable set differ). */
    void reset();
    /** "no improvement of val_loss for 3 epochs" */
    std::string reason() const;

    QJsonObject toJson() const;
    void restore(const QJsonObject& json);

private:
    EarlyStopping m_config;
    double m_best = 0.0; ///< higher is better (the loss is negated)
    bool m_haveBest = false;
    int m_badEpochs = 0;
};

} // namespace tstudio::training
