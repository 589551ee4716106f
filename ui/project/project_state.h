#pragma once

#include <QObject>
#include <QString>

#include "core/data/dataset.h"
#include "core/training/training_config.h"

namespace tstudio::ui {

/**
 * What the studio's pages share: the dataset being worked on, the training configuration the
 * Model and Train pages edit, and whether a run is in progress (pages disable editing then).
 * Lives on the GUI thread; pages read it and change it through the setters, which emit the
 * matching signal only when something changed.
 */
class ProjectState final : public QObject {
    Q_OBJECT

public:
    explicit ProjectState(QObject* parent = nullptr);

    const data::Dataset& dataset() const { return m_dataset; }
    void setDataset(data::Dataset dataset);

    const training::TrainingConfig& config() const { return m_config; }
    void setConfig(training::TrainingConfig config);

    bool isTraining() const { return m_training; }
    void setTraining(bool training);

    /** The model bundle of the last finished run; empty before one. */
    const QString& lastBundle() const { return m_lastBundle; }
    void setLastBundle(const QString& path);

Q_SIGNALS:
    void datasetChanged();
    void configChanged();
    void trainingChanged(bool training);
    void lastBundleChanged(const QString& path);

private:
    data::Dataset m_dataset;
    // The feature-mode recipe the CLI starts from too, until the person changes something.
    training::TrainingConfig m_config = training::recommendedConfig(training::TrainMode::Feature);
    bool m_training = false;
    QString m_lastBundle;
};

} // namespace tstudio::ui
