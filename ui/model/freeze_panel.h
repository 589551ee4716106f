#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeView;

namespace tstudio::training {
struct ModuleTree;
struct TrainingConfig;
} // namespace tstudio::training

namespace tstudio::ui {

class DescribeModelJob;
class ModuleTreeModel;
class ProjectState;

/**
 * The freeze tree: the network's modules with what trains, presets (train all, head only, last
 * N blocks, freeze all) and live totals. Every edit goes into the project's config and the
 * engine re-describes the model off the GUI thread; the tree and totals show its answer.
 */
class FreezePanel final : public QWidget {
    Q_OBJECT

public:
    explicit FreezePanel(ProjectState* project, QWidget* parent = nullptr);

    ModuleTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    /** True while a description is being computed (the tree may be one edit behind). */
    bool isUpdating() const;
    QString totalsText() const;

Q_SIGNALS:
    /** The tree now shows the engine's description of the current config. */
    void treeUpdated();
    void describeFailed(const QString& message);

private:
    void requestDescription();
    void onDescribed(const training::ModuleTree& tree, const training::TrainingConfig& config);
    void updateEditable();
    void showSwitchedToFineTuning();
    void applyPreset(int preset);
    int numClasses() const;

    ProjectState* m_project;
    ModuleTreeModel* m_model = nullptr;
    DescribeModelJob* m_job = nullptr;
    QTreeView* m_view = nullptr;
    QPushButton* m_trainAll = nullptr;
    QPushButton* m_headOnly = nullptr;
    QPushButton* m_lastBlocks = nullptr;
    QSpinBox* m_blockCount = nullptr;
    QPushButton* m_freezeAll = nullptr;
    QLabel* m_totals = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_state = nullptr;
    QString m_describedKey; ///< what the tree (or the running job) describes
    QString m_expandedArch;
};

} // namespace tstudio::ui
