#include "core/data/dataset.h"

#include <algorithm>

namespace tstudio::data {

Dataset::Dataset(DatasetKind kind, std::filesystem::path root)
    : m_kind(kind), m_root(std::move(root)) {}

int Dataset::classIndex(const std::string& name) const {
    const auto it = std::find(m_classes.begin(), m_classes.end(), name);
    return it == m_classes.end() ? -1 : static_cast<int>(it - m_classes.begin());
}

int Dataset::addClass(const std::string& name) {
    if (const int existing = classIndex(name); existing >= 0) {
        return existing;
    }
    m_classes.push_back(name);
    return static_cast<int>(m_classes.size()) - 1;
}

Status Dataset::renameClass(int index, const std::string& newName) {
    Q_ASSERT(index >= 0 && index < static_cast<int>(m_classes.size()));
    if (newName.empty()) {
        return fail("A class name cannot be empty; type a name for class \"" +
                    m_classes[static_cast<std::size_t>(index)] + "\".");
    }
    if (const int other = classIndex(newName); other >= 0 && other != index) {
        return fail("There is already a class \"" + newName +
                    "\"; merge the two classes instead of renaming.");
    }
    m_classes[static_cast<std::size_t>(index)] = newName;
    return success();
}

void Dataset::removeClass(int index) {
    Q_ASSERT(index >= 0 && index < static_cast<int>(m_classes.size()));
    m_classes.erase(m_classes.begin() + index);
    for (Sample& sample : m_samples) {
        if (sample.label == index) {
            sample.label = kUnlabeled;
        } else if (sample.label > index) {
            --sample.label;
        }
    }
}

void Dataset::mergeClasses(int from, int into) {
    Q_ASSERT(from >= 0 && from < static_cast<int>(m_classes.size()));
    Q_ASSERT(into >= 0 && into < static_cast<int>(m_classes.size()));
    if (from == into) {
        return;
    }
    for (Sample& sample : m_samples) {
        if (sample.label == from) {
            sample.label = into;
        }
    }
    removeClass(from);
}

void Dataset::addSample(Sample sample) {
    Q_ASSERT(sample.label == kUnlabeled ||
             (sample.label >= 0 && sample.label < static_cast<int>(m_classes.size())));
    m_samples.push_back(std::move(sample));
}

void Dataset::removeSamples(std::vector<std::size_t> indices) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::size_t next = 0;
    std::size_t write = 0;
    for (std::size_t read = 0; read < m_samples.size(); ++read) {
        if (next < indices.size() && indices[next] == read) {
            ++next;
            continue;
        }
        if (write != read) {
            m_samples[write] = std::move(m_samples[read]);
        }
        ++write;
    }
    m_samples.resize(write);
}

void Dataset::relabel(std::size_t index, int label) {
    Q_ASSERT(label == kUnlabeled || (label >= 0 && label < static_cast<int>(m_classes.size())));
    m_samples[index].label = label;
}

void Dataset::setSplit(std::size_t index, Split split) {
    m_samples[index].split = split;
}

void Dataset::setExcluded(std::size_t index, bool excluded) {
    m_samples[index].excluded = excluded;
}

std::vector<std::size_t> Dataset::countPerClass(Split split) const {
    std::vector<std::size_t> counts(m_classes.size(), 0);
    for (const Sample& sample : m_samples) {
        if (sample.usable() && sample.split == split) {
            ++counts[static_cast<std::size_t>(sample.label)];
        }
    }
    return counts;
}

std::vector<std::size_t> Dataset::countPerClass() const {
    std::vector<std::size_t> counts(m_classes.size(), 0);
    for (const Sample& sample : m_samples) {
        if (sample.usable()) {
            ++counts[static_cast<std::size_t>(sample.label)];
        }
    }
    return counts;
}

std::size_t Dataset::unlabeledCount() const {
    return static_cast<std::size_t>(
        std::count_if(m_samples.begin(), m_samples.end(),
                      [](const Sample& s) { return s.label < 0 && !s.excluded; }));
}

std::size_t Dataset::excludedCount() const {
    return static_cast<std::size_t>(std::count_if(m_samples.begin(), m_samples.end(),
                                                  [](const Sample& s) { return s.excluded; }));
}

bool Dataset::hasSplit() const {
    return std::any_of(m_samples.begin(), m_samples.end(),
                       [](const Sample& s) { return s.split != Split::None; });
}

} // namespace tstudio::data
