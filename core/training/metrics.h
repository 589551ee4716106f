#pragma once

// Private to core/training: classification metrics accumulated on the device, read only at
// reporting points (no per-batch synchronisation).

#include <cstdint>
#include <vector>

#include <torch/torch.h>

#include "core/training/training_events.h"

namespace tstudio::training {

class MetricAccumulator {
public:
    MetricAccumulator(int numClasses, torch::Device device);

    /** logits [N, C], labels [N], lossSum: the batch's summed loss (0-d, detached). */
    void add(const torch::Tensor& logits, const torch::Tensor& labels,
             const torch::Tensor& lossSum);

    std::int64_t count() const { return m_count; }
    /** Reads the device (a synchronisation point). */
    double meanLoss() const;
    double accuracy() const;
    EvaluationResult result() const;
    void reset();

    /** The running sums (loss, confusion, top-5), sharing storage with this accumulator: a
        data-parallel run sums them over its ranks in place, then sets the total count. */
    std::vector<torch::Tensor> sums() const { return {m_loss, m_confusion, m_top5}; }
    void setCount(std::int64_t count) { m_count = count; }

private:
    int m_classes;
    torch::Device m_device;
    torch::Tensor m_loss;      ///< summed loss, double
    torch::Tensor m_confusion; ///< [C * C] int64, true * C + predicted
    torch::Tensor m_top5;      ///< correct in the top 5, int64
    std::int64_t m_count = 0;
};

/** Per-class precision, recall, F1 and top-1 from a confusion matrix [true][predicted]. */
void fillFromConfusion(EvaluationResult& result);

} // namespace tstudio::training
