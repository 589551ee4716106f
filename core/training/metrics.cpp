#include "core/training/metrics.h"

#include <cmath>
#include <limits>

namespace tstudio::training {

MetricAccumulator::MetricAccumulator(int numClasses, torch::Device device)
    : m_classes(numClasses), m_device(device) {
    reset();
}

void MetricAccumulator::reset() {
    const auto options = torch::TensorOptions().device(m_device);
    m_loss = torch::zeros({}, options.dtype(torch::kFloat64));
    m_confusion = torch::zeros({static_cast<std::int64_t>(m_classes) * m_classes},
                               options.dtype(torch::kInt64));
    m_top5 = torch::zeros({}, options.dtype(torch::kInt64));
    m_count = 0;
}

void MetricAccumulator::add(const torch::Tensor& logits, const torch::Tensor& labels,
                            const torch::Tensor& lossSum) {
    torch::NoGradGuard noGrad;
    const torch::Tensor predicted = logits.argmax(1);
    m_confusion.add_(
        torch::bincount(labels * m_classes + predicted, /*weights=*/{},
                        /*minlength=*/static_cast<std::int64_t>(m_classes) * m_classes));
    if (m_classes >= 5) {
        const torch::Tensor top = std::get<1>(logits.topk(5, 1));
        m_top5.add_(top.eq(labels.unsqueeze(1)).any(1).sum());
    }
    m_loss.add_(lossSum.to(torch::kFloat64));
    m_count += labels.size(0);
}

double MetricAccumulator::meanLoss() const {
    return m_count == 0 ? std::numeric_limits<double>::quiet_NaN()
                        : m_loss.item<double>() / static_cast<double>(m_count);
}

double MetricAccumulator::accuracy() const {
    if (m_count == 0) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return static_cast<double>(
               m_confusion.view({m_classes, m_classes}).diagonal().sum().item<std::int64_t>()) /
           static_cast<double>(m_count);
}

EvaluationResult MetricAccumulator::result() const {
    EvaluationResult result;
    result.count = m_count;
    result.loss = meanLoss();
    const torch::Tensor confusion = m_confusion.to(torch::kCPU).view({m_classes, m_classes});
    const auto cells = confusion.accessor<std::int64_t, 2>();
    result.confusion.assign(static_cast<std::size_t>(m_classes),
                            std::vector<std::int64_t>(static_cast<std::size_t>(m_classes)));
    for (int t = 0; t < m_classes; ++t) {
        for (int p = 0; p < m_classes; ++p) {
            result.confusion[static_cast<std::size_t>(t)][static_cast<std::size_t>(p)] =
                cells[t][p];
        }
    }
    fillFromConfusion(result);
    if (m_classes >= 5) {
        result.top5 = m_count == 0 ? std::numeric_limits<double>::quiet_NaN()
                                   : static_cast<double>(m_top5.item<std::int64_t>()) /
                                         static_cast<double>(m_count);
    }
    return result;
}

void fillFromConfusion(EvaluationResult& result) {
    const std::size_t n = result.confusion.size();
    result.perClass.assign(n, ClassMetrics{});
    std::int64_t correct = 0, total = 0;
    for (std::size_t c = 0; c < n; ++c) {
        std::int64_t truePositives = result.confusion[c][c];
        std::int64_t actual = 0, predicted = 0;
        for (std::size_t o = 0; o < n; ++o) {
            actual += result.confusion[c][o];
            predicted += result.confusion[o][c];
        }
        ClassMetrics& m = result.perClass[c];
        m.support = actual;
        m.precision = predicted == 0
                          ? 0.0
                          : static_cast<double>(truePositives) / static_cast<double>(predicted);
        m.recall =
            actual == 0 ? 0.0 : static_cast<double>(truePositives) / static_cast<double>(actual);
        m.f1 = m.precision + m.recall == 0.0
                   ? 0.0
                   : 2.0 * m.precision * m.recall / (m.precision + m.recall);
        correct += truePositives;
        total += actual;
    }
    result.top1 = total == 0 ? std::numeric_limits<double>::quiet_NaN()
                             : static_cast<double>(correct) / static_cast<double>(total);
}

} // namespace tstudio::training
