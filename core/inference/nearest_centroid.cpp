#include "core/inference/nearest_centroid.h"

#include <algorithm>
#include <cmath>

namespace tstudio::inference {

namespace {

void normalise(std::vector<float>& v) {
    double norm = 0;
    for (float x : v) {
        norm += static_cast<double>(x) * x;
    }
    if (norm <= 0) {
        return;
    }
    const auto scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (float& x : v) {
        x *= scale;
    }
}

float dot(std::span<const float> a, std::span<const float> b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sum += static_cast<double>(a[i]) * b[i];
    }
    return static_cast<float>(sum);
}

} // namespace

NearestCentroid NearestCentroid::fit(const std::vector<std::span<const float>>& rows,
                                     const std::vector<int>& labels, int classCount,
                                     float temperature) {
    NearestCentroid model;
    model.m_temperature = temperature;
    if (rows.empty()) {
        return model;
    }
    const std::size_t width = rows.front().size();
    model.m_mean.assign(width, 0.0f);
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < width; ++i) {
            model.m_mean[i] += row[i];
        }
    }
    for (float& x : model.m_mean) {
        x /= static_cast<float>(rows.size());
    }
    std::vector<std::vector<float>> sums(static_cast<std::size_t>(classCount));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto& sum = sums[static_cast<std::size_t>(labels[r])];
        const std::vector<float> row = model.centred(rows[r]);
        if (sum.empty()) {
            sum.assign(width, 0.0f);
        }
        for (std::size_t i = 0; i < width; ++i) {
            sum[i] += row[i];
        }
    }
    for (int c = 0; c < classCount; ++c) {
        auto& sum = sums[static_cast<std::size_t>(c)];
        if (!sum.empty()) {
            normalise(sum);
            model.m_classes.push_back(c);
            model.m_centroids.push_back(std::move(sum));
        }
    }
    return model;
}

std::vector<float> NearestCentroid::centred(std::span<const float> row) const {
    std::vector<float> out(row.begin(), row.end());
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] -= m_mean[i];
    }
    normalise(out);
    return out;
}

Suggestion NearestCentroid::score(std::span<const float> row) const {
    Suggestion suggestion;
    if (m_centroids.empty()) {
        return suggestion;
    }
    const std::vector<float> query = centred(row);
    std::vector<float> logits;
    for (const auto& centroid : m_centroids) {
        logits.push_back(dot(query, centroid) / m_temperature);
    }
    // Softmax shifted by the largest logit, so exp never overflows at small temperatures.
    const float top = *std::max_element(logits.begin(), logits.end());
    double total = 0;
    for (float& logit : logits) {
        logit = std::exp(logit - top);
        total += logit;
    }
    std::size_t best = 0;
    std::size_t second = logits.size();
    for (std::size_t i = 1; i < logits.size(); ++i) {
        if (logits[i] > logits[best]) {
            second = best;
            best = i;
        } else if (second == logits.size() || logits[i] > logits[second]) {
            second = i;
        }
    }
    suggestion.label = m_classes[best];
    suggestion.confidence = static_cast<float>(logits[best] / total);
    if (second < logits.size()) {
        suggestion.runnerUp = m_classes[second];
        suggestion.runnerUpConfidence = static_cast<float>(logits[second] / total);
    }
    return suggestion;
}

} // namespace tstudio::inference
