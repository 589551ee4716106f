#pragma once

// A TrainingObserver for tests: keeps what a run reports and lets a test act on it (stop,
// pause) at an exact point of the run.

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/training/training_events.h"

namespace tstudio::test {

class RunRecorder : public training::TrainingObserver {
public:
    std::vector<std::string> lines;
    std::vector<training::EpochMetrics> epochs;
    std::vector<training::PhaseProgress> phases;
    int batches = 0;
    /** Every report of any kind, readable from another thread while the run goes on. */
    std::atomic<int> events{0};
    std::function<void(const training::EpochMetrics&)> onEpoch;
    std::function<void(const training::BatchProgress&)> onBatch;
    std::function<void(const training::PhaseProgress&)> onPhase;

    void log(const std::string& line) override { lines.push_back(line); }
    void batch(const training::BatchProgress& p) override {
        ++batches;
        ++events;
        if (onBatch) {
            onBatch(p);
        }
    }
    void epoch(const training::EpochMetrics& m) override {
        epochs.push_back(m);
        ++events;
        if (onEpoch) {
            onEpoch(m);
        }
    }
    void phase(const training::PhaseProgress& p) override {
        phases.push_back(p);
        ++events;
        if (onPhase) {
            onPhase(p);
        }
    }
    bool logged(const std::string& text) const {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& l) { return l.find(text) != std::string::npos; });
    }
};

} // namespace tstudio::test
