#pragma once

#include <cstdint>

namespace tstudio::ui {

/**
 * The "train (smoothed)" loss curve: an exponential moving average over batches whose span is a
 * fraction of an epoch's batches (at least one batch), so an epoch of three batches is not
 * smoothed over thirty and the curve keeps up with the epoch losses. Debiased as fastai does
 * (divided by 1 - beta^n), so the first points are not pulled towards zero. A report may stand
 * for several batches (the engine reports at a bounded rate): it then decays the average as
 * many batches would.
 */
class LossSmoother final {
public:
    /** The span, as a fraction of the batches in an epoch. */
    static constexpr double kSpanFraction = 0.25;

    void reset();
    /**
     * Adds the mean loss of the batches since the last report; batch is the batches done in the
     * epoch (1-based, as BatchProgress has it) out of batches. Returns the smoothed loss; a
     * non-finite loss is skipped (the current value is returned).
     */
    double add(double loss, std::int64_t batch, std::int64_t batches);
    double value() const;
    bool hasValue() const { return m_weight > 0.0; }

private:
    double m_average = 0.0;
    double m_weight = 0.0; ///< 1 - beta^n: what debiasing divides by
    std::int64_t m_lastBatch = 0;
};

} // namespace tstudio::ui
