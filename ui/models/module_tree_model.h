#pragma once

#include <QAbstractItemModel>

#include <vector>

#include "core/training/model_tree.h"

namespace tstudio::ui {

class ProjectState;

/**
 * The network's module tree as the engine describes it (training::describeModel): one row per
 * module, torchvision's names, output shapes, parameter counts, what trains and LR multipliers.
 * The check box of a module with parameters shows the engine's verdict (all of its subtree
 * trains, none, or part); checking or unchecking it, or editing a multiplier, does not change the
 * model's own state: it turns into a FreezeSpec rule / LrMultiplier entry in the project's
 * config, and the new tree the engine computes for that config is set back with setTree().
 */
class ModuleTreeModel final : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { Name, Type, Output, Parameters, Trainable, LrMultiplier, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, ///< module path, "" for the root (QString)
        IsBlockRole,                 ///< one of the backbone's natural blocks (bool)
        ParametersRole,              ///< in the subtree (qint64)
        TrainableRole,               ///< trainable in the subtree (qint64)
    };

    explicit ModuleTreeModel(ProjectState* project, QObject* parent = nullptr);

    /** Updates in place (dataChanged per changed row) when only counts, shapes or multipliers
        changed; resets when the structure differs (another backbone or head). */
    void setTree(training::ModuleTree tree);
    const training::ModuleTree& tree() const { return m_tree; }

    /** Check boxes and multipliers are editable only when set (not while a run trains). */
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    /** Index of the module at path in column, or invalid. */
    QModelIndex indexOfPath(const QString& path, int column = Name) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** An edit went into the config; the caller re-describes it. switchedMode: Feature mode
        had to become FineTune for the edit to take effect. */
    void configEdited(bool switchedMode);

private:
    int nodeOf(const QModelIndex& index) const;
    QModelIndex indexOfNode(int node, int column) const;
    bool sameStructure(const training::ModuleTree& other) const;

    ProjectState* m_project;
    training::ModuleTree m_tree;
    std::vector<int> m_rowInParent;
    bool m_editable = true;
};

} // namespace tstudio::ui
