#include "ui/project/project_state.h"

namespace tstudio::ui {

ProjectState::ProjectState(QObject* parent) : QObject(parent) {}

void ProjectState::setDataset(data::Dataset dataset) {
    // Datasets are edited in place by the pages and set back whole; comparing them sample by
    // sample costs more than a repaint, so every set counts as a change.
    m_dataset = std::move(dataset);
    Q_EMIT datasetChanged();
}

void ProjectState::setConfig(training::TrainingConfig config) {
    // Same reasoning as setDataset: the config has no equality operator worth maintaining.
    m_config = std::move(config);
    Q_EMIT configChanged();
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
