#include "core/evaluation/evaluation_queries.h"

#include <algorithm>
#include <numeric>

namespace tstudio::evaluation {

namespace {

float confidence(const training::ImageOutcome& image) {
    const auto p = static_cast<std::size_t>(image.predicted);
    return image.predicted >= 0 && p < image.probabilities.size() ? image.probabilities[p] : 0.0f;
}

} // namespace

std::vector<std::size_t> imagesInCell(const training::EvaluationReport& report, int trueClass,
                                      int predicted) {
    std::vector<std::size_t> cell;
    for (std::size_t i = 0; i < report.images.size(); ++i) {
        const training::ImageOutcome& image = report.images[i];
        if (image.trueClass == trueClass && image.predicted == predicted) {
            cell.push_back(i);
        }
    }
    std::stable_sort(cell.begin(), cell.end(), [&](std::size_t a, std::size_t b) {
        return confidence(report.images[a]) > confidence(report.images[b]);
    });
    return cell;
}

std::vector<std::size_t> topLosses(const training::EvaluationReport& report, std::size_t count) {
    std::vector<std::size_t> order(report.images.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return report.images[a].loss > report.images[b].loss;
    });
    order.resize(std::min(count, order.size()));
    return order;
}

std::vector<std::vector<double>>
rowNormalised(const std::vector<std::vector<std::int64_t>>& matrix) {
    std::vector<std::vector<double>> rows;
    rows.reserve(matrix.size());
    for (const std::vector<std::int64_t>& row : matrix) {
        const std::int64_t sum = std::accumulate(row.begin(), row.end(), std::int64_t{0});
        std::vector<double>& out = rows.emplace_back(row.size(), 0.0);
        if (sum == 0) {
            continue;
        }
        for (std::size_t c = 0; c < row.size(); ++c) {
            out[c] = static_cast<double>(row[c]) / static_cast<double>(sum);
        }
    }
    return rows;
}

} // namespace tstudio::evaluation
