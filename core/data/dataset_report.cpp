#include "core/data/dataset_report.h"

namespace tstudio::data {

std::string problemKindName(ProblemKind kind) {
    switch (kind) {
    case ProblemKind::Missing:
        return "missing";
    case ProblemKind::ZeroByte:
        return "zero-byte";
    case ProblemKind::NotAnImage:
        return "not-an-image";
    case ProblemKind::Truncated:
        return "truncated";
    case ProblemKind::Unreadable:
        return "unreadable";
    case ProblemKind::WrongExtension:
        return "wrong-extension";
    case ProblemKind::Duplicate:
        return "duplicate";
    case ProblemKind::DuplicateAcrossSplits:
        return "duplicate-across-splits";
    case ProblemKind::TooSmall:
        return "too-small";
    case ProblemKind::TooFewImages:
        return "too-few-images";
    case ProblemKind::Imbalance:
        return "imbalance";
    }
    return "unknown";
}

bool isUnusable(ProblemKind kind) {
    switch (kind) {
    case ProblemKind::Missing:
    case ProblemKind::ZeroByte:
    case ProblemKind::NotAnImage:
    case ProblemKind::Truncated:
    case ProblemKind::Unreadable:
        return true;
    default:
        return false;
    }
}

std::vector<std::string> DatasetReport::unusableFiles() const {
    std::vector<std::string> files;
    for (const DatasetProblem& problem : problems) {
        if (isUnusable(problem.kind)) {
            files.insert(files.end(), problem.items.begin(), problem.items.end());
        }
    }
    return files;
}

} // namespace tstudio::data
