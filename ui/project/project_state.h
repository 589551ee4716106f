#pragma once

#include <cstddef>
#include <vector>

#include <QObject>
#include <QString>

#include "core/data/dataset.h"
#include "core/data/dataset_report.h"
#include "core/project/project.h"
#include "core/training/training_config.h"

namespace tstudio::ui {

/**
 * What the studio's pages share — the open project: the dataset being worked on with its labels,
 * the training configuration the Model and Train pages edit, the history of runs, and whether a
 * run is in progress (pages disable editing then). Lives on the GUI thread; pages read it and
 * change it through the setters and edits below, each of which emits its signal, and
 * edited() for anything the project file holds.
 *
 * Edits name the samples they touch so views update those rows only (a 20,000-image grid keeps
 * its scroll position and selection); setDataset() replaces everything.
 */
class ProjectState final : public QObject {
    Q_OBJECT

public:
    explicit ProjectState(QObject* parent = nullptr);

    const data::Dataset& dataset() const { return m_dataset; }
    void setDataset(data::Dataset dataset);

    const training::TrainingConfig& config() const { return m_config; }
    void setConfig(training::TrainingConfig config);

    const std::vector<project::RunRecord>& runs() const { return m_runs; }
    void addRun(project::RunRecord run);
    /** Forgets the run at index (its files are the caller's business). */
    void removeRun(std::size_t index);

    /** Everything at once (File > Open, recovery, New): dataset, config and runs. */
    void setProject(project::Project project);
    /** The project as the file holds it. */
    project::Project snapshot() const;

    // Label edits. Indices are sample indices; labels are class indices or data::kUnlabeled.
    void setLabels(const std::vector<std::size_t>& samples, const std::vector<int>& labels);
    void setExcluded(const std::vector<std::size_t>& samples, const std::vector<bool>& excluded);
    /** Appends samples (their labels must be valid for the current classes). */
    void addSamples(std::vector<data::Sample> samples);
    /** Removes the last count samples (undoing addSamples). */
    void removeLastSamples(std::size_t count);
    /** Class edits: labels follow as data::Dataset documents; samplesChanged covers all. */
    int addClass(const std::string& name);
    Status renameClass(int index, const std::string& name);
    void removeClass(int index);
    void mergeClasses(int from, int into);
    /** Puts a class list and every sample's label back (undoing a class edit). */
    void restoreClasses(std::vector<std::string> classes, const std::vector<int>& labels);

    /** The dataset check's report of the current dataset (the Data page runs the check); empty
        (no problems) until a check has finished. Replacing the dataset clears it, as part of
        datasetChanged; it is not part of the project file. */
    const data::DatasetReport& report() const { return m_report; }
    void setReport(data::DatasetReport report);

    bool isTraining() const { return m_training; }
    void setTraining(bool training);

    /** The model bundle of the last finished run; empty before one. */
    const QString& lastBundle() const { return m_lastBundle; }
    void setLastBundle(const QString& path);

Q_SIGNALS:
    /** The dataset was replaced: views reset. */
    void datasetChanged();
    /** Labels or exclusions of these samples changed. */
    void samplesChanged(const std::vector<std::size_t>& samples);
    /** count samples were appended at first / removed from the end. */
    void samplesAdded(std::size_t first, std::size_t count);
    void samplesRemoved(std::size_t first, std::size_t count);
    /** The class list changed (names, order, count); labels may have been renumbered. */
    void classesChanged();
    void configChanged();
    void runsChanged();
    /** Anything the project file holds changed (for the unsaved mark and the autosave). */
    void edited();
    void trainingChanged(bool training);
    /** A dataset check finished: report() has its problems. */
    void reportChanged();
    void lastBundleChanged(const QString& path);

private:
    void allSamplesChanged();

    data::Dataset m_dataset;
    // The feature-mode recipe the CLI starts from too, until the person changes something.
    training::TrainingConfig m_config = training::recommendedConfig(training::TrainMode::Feature);
    std::vector<project::RunRecord> m_runs;
    data::DatasetReport m_report;
    bool m_training = false;
    QString m_lastBundle;
};

} // namespace tstudio::ui
