#pragma once

// Private to core/training: learning-rate schedules as plain functions of the step, applied to
// the optimizer's parameter groups (so they work on every LibTorch, 1.13 included).

#include <cstdint>

#include "core/training/training_config.h"

namespace tstudio::training {

/**
 * The base learning rate at every batch of one stage. Per-batch schedules (cosine with warm-up,
 * one-cycle) move every step; step and plateau move at epoch boundaries. Plateau keeps state
 * (best validation loss, bad epochs, factor), which a checkpoint saves.
 */
class LrSchedule {
public:
    LrSchedule(const ScheduleConfig& config, double baseLr, int epochs,
               std::int64_t batchesPerEpoch);

    /** LR for batch (0-based) of epoch (0-based, within the stage). */
    double lrAt(int epoch, std::int64_t batch) const;
    /** After each epoch: feeds the plateau schedule. */
    void endEpoch(double valLoss);

    struct PlateauState {
        double factor = 1.0;
        double best = 0.0;
        bool haveBest = false;
        int badEpochs = 0;
    };
    const PlateauState& plateau() const { return m_plateau; }
    void setPlateau(const PlateauState& state) { m_plateau = state; }

private:
    ScheduleConfig m_config;
    double m_base;
    int m_epochs;
    std::int64_t m_batches;
    PlateauState m_plateau;
};

} // namespace tstudio::training
