#include "ui/train/loss_smoother.h"

#include <algorithm>
#include <cmath>

namespace tstudio::ui {

void LossSmoother::reset() {
    *this = LossSmoother();
}

double LossSmoother::add(double loss, std::int64_t batch, std::int64_t batches) {
    // A new epoch restarts the batch count; the average carries on across it.
    const std::int64_t steps =
        batch > m_lastBatch ? batch - m_lastBatch : std::max<std::int64_t>(batch, 1);
    m_lastBatch = batch;
    if (!std::isfinite(loss)) {
        return value();
    }
    // Span N as pandas' ewm(span=N): alpha = 2 / (N + 1); N = 1 means no smoothing at all.
    const double span =
        std::max(1.0, kSpanFraction * static_cast<double>(std::max<std::int64_t>(batches, 1)));
    const double beta = 1.0 - 2.0 / (span + 1.0);
    const double decay = std::pow(beta, static_cast<double>(steps));
    m_average = decay * m_average + (1.0 - decay) * loss;
    m_weight = 1.0 - (1.0 - m_weight) * decay;
    return value();
}

double LossSmoother::value() const {
    return m_weight > 0.0 ? m_average / m_weight : 0.0;
}

} // namespace tstudio::ui
