#include "ui/project/project_state.h"

#include <numeric>

namespace tstudio::ui {

ProjectState::ProjectState(QObject* parent) : QObject(parent) {}

void ProjectState::setDataset(data::Dataset dataset) {
    // Datasets are edited in place by the pages and set back whole; comparing them sample by
    // sample costs more than a repaint, so every set counts as a change.
    m_dataset = std::move(dataset);
    m_report = {}; // of the dataset as it was; the Data page checks the new one
    Q_EMIT datasetChanged();
    Q_EMIT edited();
}

void ProjectState::setConfig(training::TrainingConfig config) {
    // Same reasoning as setDataset: the config has no equality operator worth maintaining.
    m_config = std::move(config);
    Q_EMIT configChanged();
    Q_EMIT edited();
}

void ProjectState::addRun(project::RunRecord run) {
    m_runs.push_back(std::move(run));
    Q_EMIT runsChanged();
    Q_EMIT edited();
}

void ProjectState::removeRun(std::size_t index) {
    Q_ASSERT(index < m_runs.size());
    m_runs.erase(m_runs.begin() + static_cast<std::ptrdiff_t>(index));
    Q_EMIT runsChanged();
    Q_EMIT edited();
}

void ProjectState::setProject(project::Project project) {
    m_dataset = std::move(project.dataset.dataset);
    m_config = std::move(project.config);
    m_runs = std::move(project.runs);
    m_report = {};
    Q_EMIT datasetChanged();
    Q_EMIT configChanged();
    Q_EMIT runsChanged();
    Q_EMIT edited();
}

project::Project ProjectState::snapshot() const {
    project::Project project;
    project.dataset.dataset = m_dataset;
    project.config = m_config;
    project.runs = m_runs;
    return project;
}

void ProjectState::setLabels(const std::vector<std::size_t>& samples,
                             const std::vector<int>& labels) {
    Q_ASSERT(samples.size() == labels.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        m_dataset.relabel(samples[i], labels[i]);
    }
    Q_EMIT samplesChanged(samples);
    Q_EMIT edited();
}

void ProjectState::setExcluded(const std::vector<std::size_t>& samples,
                               const std::vector<bool>& excluded) {
    Q_ASSERT(samples.size() == excluded.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        m_dataset.setExcluded(samples[i], excluded[i]);
    }
    Q_EMIT samplesChanged(samples);
    Q_EMIT edited();
}

void ProjectState::addSamples(std::vector<data::Sample> samples) {
    if (samples.empty()) {
        return;
    }
    const std::size_t first = m_dataset.size();
    for (data::Sample& sample : samples) {
        m_dataset.addSample(std::move(sample));
    }
    Q_EMIT samplesAdded(first, m_dataset.size() - first);
    Q_EMIT edited();
}

void ProjectState::removeLastSamples(std::size_t count) {
    count = std::min(count, m_dataset.size());
    if (count == 0) {
        return;
    }
    const std::size_t first = m_dataset.size() - count;
    std::vector<std::size_t> last(count);
    std::iota(last.begin(), last.end(), first);
    m_dataset.removeSamples(std::move(last));
    Q_EMIT samplesRemoved(first, count);
    Q_EMIT edited();
}

void ProjectState::allSamplesChanged() {
    std::vector<std::size_t> all(m_dataset.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    Q_EMIT classesChanged();
    Q_EMIT samplesChanged(all);
    Q_EMIT edited();
}

int ProjectState::addClass(const std::string& name) {
    const int existing = m_dataset.classIndex(name);
    if (existing >= 0) {
        return existing;
    }
    const int index = m_dataset.addClass(name);
    Q_EMIT classesChanged();
    Q_EMIT edited();
    return index;
}

Status ProjectState::renameClass(int index, const std::string& name) {
    if (auto status = m_dataset.renameClass(index, name); !status) {
        return status;
    }
    Q_EMIT classesChanged();
    Q_EMIT edited();
    return success();
}

void ProjectState::removeClass(int index) {
    m_dataset.removeClass(index);
    allSamplesChanged();
}

void ProjectState::mergeClasses(int from, int into) {
    m_dataset.mergeClasses(from, into);
    allSamplesChanged();
}

void ProjectState::restoreClasses(std::vector<std::string> classes,
                                  const std::vector<int>& labels) {
    Q_ASSERT(labels.size() == m_dataset.size());
    data::Dataset restored(m_dataset.kind(), m_dataset.root());
    for (const std::string& name : classes) {
        restored.addClass(name);
    }
    for (std::size_t i = 0; i < m_dataset.size(); ++i) {
        data::Sample sample = m_dataset.sample(i);
        sample.label = labels[i];
        restored.addSample(std::move(sample));
    }
    m_dataset = std::move(restored);
    allSamplesChanged();
}

void ProjectState::setReport(data::DatasetReport report) {
    m_report = std::move(report);
    Q_EMIT reportChanged();
}

void ProjectState::setTraining(bool training) {
    if (training == m_training)
        return;
    m_training = training;
    Q_EMIT trainingChanged(training);
}

void ProjectState::setLastBundle(const QString& path) {
    if (path == m_lastBundle)
        return;
    m_lastBundle = path;
    Q_EMIT lastBundleChanged(path);
}

} // namespace tstudio::ui
