#include "core/data/sample_problems.h"

#include <unordered_map>

namespace tstudio::data {

std::string reportItemName(const Sample& sample) {
    std::string name = sample.path.string();
    if (sample.record >= 0) {
        name += '#';
        name += std::to_string(sample.record);
    }
    return name;
}

bool isFileProblem(ProblemKind kind) {
    return kind != ProblemKind::TooFewImages && kind != ProblemKind::Imbalance;
}

std::vector<std::vector<std::size_t>> problemsPerSample(const DatasetReport& report,
                                                        const Dataset& dataset) {
    std::vector<std::vector<std::size_t>> perSample(dataset.size());
    if (report.problems.empty()) {
        return perSample;
    }
    // One lookup table rather than a scan of the samples per item: a report of a 20,000-image
    // folder may name thousands of files.
    std::unordered_map<std::string, std::size_t> sampleOfName;
    sampleOfName.reserve(dataset.size());
    for (std::size_t i = 0; i < dataset.size(); ++i) {
        sampleOfName.emplace(reportItemName(dataset.sample(i)), i);
    }
    for (std::size_t p = 0; p < report.problems.size(); ++p) {
        const DatasetProblem& problem = report.problems[p];
        if (!isFileProblem(problem.kind)) {
            continue;
        }
        for (const std::string& item : problem.items) {
            const auto it = sampleOfName.find(item);
            if (it != sampleOfName.end()) {
                perSample[it->second].push_back(p);
            }
        }
    }
    return perSample;
}

} // namespace tstudio::data
