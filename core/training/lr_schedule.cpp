#include "core/training/lr_schedule.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tstudio::training {

namespace {

double cosineBetween(double from, double to, double t) {
    return to + (from - to) * 0.5 * (1.0 + std::cos(std::numbers::pi * std::clamp(t, 0.0, 1.0)));
}

} // namespace

LrSchedule::LrSchedule(const ScheduleConfig& config, double baseLr, int epochs,
                       std::int64_t batchesPerEpoch)
    : m_config(config), m_base(baseLr), m_epochs(std::max(1, epochs)),
      m_batches(std::max<std::int64_t>(1, batchesPerEpoch)) {}

double LrSchedule::lrAt(int epoch, std::int64_t batch) const {
    const double step =
        static_cast<double>(epoch) * static_cast<double>(m_batches) + static_cast<double>(batch);
    const double total = static_cast<double>(m_epochs) * static_cast<double>(m_batches);
    switch (m_config.kind) {
    case ScheduleKind::Constant:
        return m_base;
    case ScheduleKind::Step:
        return m_base * std::pow(m_config.gamma, epoch / std::max(1, m_config.stepEpochs));
    case ScheduleKind::Cosine: {
        const double warmup = static_cast<double>(std::clamp(m_config.warmupEpochs, 0, m_epochs)) *
                              static_cast<double>(m_batches);
        const double floor = m_base * m_config.minLrFactor;
        if (step < warmup) {
            // Linear from lr/100 to lr over the warm-up batches.
            return m_base * (0.01 + 0.99 * step / warmup);
        }
        const double span = std::max(1.0, total - warmup - 1.0);
        return cosineBetween(m_base, floor, (step - warmup) / span);
    }
    case ScheduleKind::OneCycle: {
        // torch.optim.lr_scheduler.OneCycleLR, cosine annealing, three_phase=False.
        const double initial = m_base / m_config.oneCycleDivFactor;
        const double minimum = initial / m_config.oneCycleFinalDivFactor;
        const double upEnd = std::max(1.0, m_config.oneCyclePctStart * total - 1.0);
        const double downEnd = std::max(upEnd + 1.0, total - 1.0);
        if (step <= upEnd) {
            return cosineBetween(initial, m_base, step / upEnd);
        }
        return cosineBetween(m_base, minimum, (step - upEnd) / (downEnd - upEnd));
    }
    case ScheduleKind::Plateau:
        return m_base * m_plateau.factor;
    }
    return m_base;
}

void LrSchedule::endEpoch(double valLoss) {
    if (m_config.kind != ScheduleKind::Plateau || !std::isfinite(valLoss)) {
        return;
    }
    // torch's ReduceLROnPlateau(mode="min", threshold=1e-4, threshold_mode="rel").
    if (!m_plateau.haveBest || valLoss < m_plateau.best * (1.0 - 1e-4)) {
        m_plateau.best = valLoss;
        m_plateau.haveBest = true;
        m_plateau.badEpochs = 0;
        return;
    }
    if (++m_plateau.badEpochs > m_config.plateauPatience) {
        m_plateau.factor *= m_config.gamma;
        m_plateau.badEpochs = 0;
    }
}

} // namespace tstudio::training
