#pragma once

#include <QComboBox>
#include <QPointer>
#include <QString>

#include "ui/classify/classifier_choice.h"

namespace tstudio::ui {

class ProjectState;

/**
 * Which model the Classify step runs: "<backbone> as is — ImageNet, 1,000 classes", then the
 * bundle of each of the project's runs, newest first, then bundles picked by hand, then
 * "Other bundle…" (a file dialog). The newest run's bundle is chosen at first and again
 * whenever a run ends (ProjectState::runsChanged, lastBundleChanged). GUI thread.
 */
class ModelChooser final : public QComboBox {
    Q_OBJECT

public:
    explicit ModelChooser(QWidget* parent = nullptr);

    /** Lists project's runs and follows them from now on (null: none). */
    void setProject(ProjectState* project);
    /** The backbone the first entry runs as is, and its weights (empty: none yet). */
    void setBackbone(const QString& arch, const QString& displayName, const QString& weights);

    ClassifierChoice choice() const;
    /** Adds bundle (unless listed) and chooses it. */
    void chooseBundle(const QString& bundle);
    /** Chooses the backbone as is. */
    void chooseBackbone();

Q_SIGNALS:
    /** The chosen model changed (also when the backbone's weights did). */
    void choiceChanged(const tstudio::ui::ClassifierChoice& choice);

private:
    enum class Kind { Backbone, Run, Picked, Other };
    void rebuildRuns();
    void onActivated(int index);
    void pickOtherBundle();
    void emitIfChanged();
    int findBundle(const QString& bundle) const;
    Kind kindAt(int index) const;

    QPointer<ProjectState> m_project;
    QString m_arch;
    QString m_displayName;
    QString m_weights;
    ClassifierChoice m_lastEmitted;
    int m_previous = 0; ///< restored when Other bundle… is cancelled
};

} // namespace tstudio::ui
