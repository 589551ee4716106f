#include "ui/models/module_tree_model.h"

#include <QFont>
#include <QLocale>
#include <QStringList>

#include "ui/model/freeze_edits.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

namespace {
QString formatShape(const std::vector<std::int64_t>& shape) {
    if (shape.empty()) {
        return {};
    }
    // The batch dimension is always 1 here: show the per-image shape.
    QStringList parts;
    for (size_t i = shape.size() > 1 ? 1 : 0; i < shape.size(); ++i) {
        parts << QString::number(static_cast<qint64>(shape[i]));
    }
    return parts.join(QChar(0x00D7));
}

// A sequential container's output is its last child's; the engine records shapes only where it
// hooks a module, so containers inherit theirs for display.
const std::vector<std::int64_t>& shownShape(const training::ModuleTree& tree, int index) {
    const training::ModuleNode* node = &tree.nodes[static_cast<std::size_t>(index)];
    while (node->outputShape.empty() && !node->children.empty() &&
           node->type.rfind("Sequential", 0) == 0) {
        node = &tree.nodes[static_cast<std::size_t>(node->children.back())];
    }
    return node->outputShape;
}
} // namespace

ModuleTreeModel::ModuleTreeModel(ProjectState* project, QObject* parent)
    : QAbstractItemModel(parent), m_project(project) {}

void ModuleTreeModel::setTree(training::ModuleTree tree) {
    if (!sameStructure(tree)) {
        beginResetModel();
        m_tree = std::move(tree);
        m_rowInParent.assign(m_tree.nodes.size(), 0);
        for (const auto& node : m_tree.nodes) {
            for (size_t row = 0; row < node.children.size(); ++row) {
                m_rowInParent[static_cast<size_t>(node.children[row])] = static_cast<int>(row);
            }
        }
        endResetModel();
        return;
    }
    for (size_t i = 0; i < tree.nodes.size(); ++i) {
        const auto& now = tree.nodes[i];
        auto& old = m_tree.nodes[i];
        const bool changed = now.outputShape != old.outputShape ||
                             now.parameters != old.parameters ||
                             now.trainableParameters != old.trainableParameters ||
                             now.lrMultiplier != old.lrMultiplier || now.type != old.type;
        old = now;
        if (changed) {
            const int node = static_cast<int>(i);
            Q_EMIT dataChanged(indexOfNode(node, Name), indexOfNode(node, ColumnCount - 1));
        }
    }
}

bool ModuleTreeModel::sameStructure(const training::ModuleTree& other) const {
    if (other.nodes.size() != m_tree.nodes.size()) {
        return false;
    }
    for (size_t i = 0; i < other.nodes.size(); ++i) {
        if (other.nodes[i].path != m_tree.nodes[i].path ||
            other.nodes[i].name != m_tree.nodes[i].name ||
            other.nodes[i].children != m_tree.nodes[i].children) {
            return false;
        }
    }
    return true;
}

void ModuleTreeModel::setEditable(bool editable) {
    if (editable == m_editable) {
        return;
    }
    m_editable = editable;
    if (m_tree.nodes.empty()) {
        return;
    }
    // Flags changed everywhere: views re-query them on dataChanged, one range per parent.
    Q_EMIT dataChanged(indexOfNode(0, Name), indexOfNode(0, ColumnCount - 1));
    for (const auto& node : m_tree.nodes) {
        if (!node.children.empty()) {
            Q_EMIT dataChanged(indexOfNode(node.children.front(), Name),
                               indexOfNode(node.children.back(), ColumnCount - 1));
        }
    }
}

int ModuleTreeModel::nodeOf(const QModelIndex& index) const {
    return static_cast<int>(index.internalId());
}

QModelIndex ModuleTreeModel::indexOfNode(int node, int column) const {
    return createIndex(m_rowInParent[static_cast<size_t>(node)], column,
                       static_cast<quintptr>(node));
}

QModelIndex ModuleTreeModel::indexOfPath(const QString& path, int column) const {
    const std::string wanted = path.toStdString();
    for (size_t i = 0; i < m_tree.nodes.size(); ++i) {
        if (m_tree.nodes[i].path == wanted) {
            return indexOfNode(static_cast<int>(i), column);
        }
    }
    return {};
}

QModelIndex ModuleTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (!parent.isValid()) {
        return row == 0 && !m_tree.nodes.empty() ? createIndex(0, column, quintptr{0})
                                                 : QModelIndex();
    }
    if (parent.model() != this) {
        return {};
    }
    const auto& children = m_tree.nodes[static_cast<size_t>(nodeOf(parent))].children;
    if (row >= static_cast<int>(children.size())) {
        return {};
    }
    return createIndex(row, column, static_cast<quintptr>(children[static_cast<size_t>(row)]));
}

QModelIndex ModuleTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) {
        return {};
    }
    const int parentNode = m_tree.nodes[static_cast<size_t>(nodeOf(child))].parent;
    return parentNode < 0 ? QModelIndex() : indexOfNode(parentNode, 0);
}

int ModuleTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) {
        return m_tree.nodes.empty() ? 0 : 1;
    }
    if (parent.column() != 0) {
        return 0;
    }
    return static_cast<int>(m_tree.nodes[static_cast<size_t>(nodeOf(parent))].children.size());
}

int ModuleTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant ModuleTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    Q_ASSERT(checkIndex(index));
    const auto& node = m_tree.nodes[static_cast<size_t>(nodeOf(index))];
    switch (role) {
    case PathRole:
        return QString::fromStdString(node.path);
    case IsBlockRole:
        return node.isBlock;
    case ParametersRole:
        return QVariant::fromValue<qint64>(node.parameters);
    case TrainableRole:
        return QVariant::fromValue<qint64>(node.trainableParameters);
    case Qt::CheckStateRole:
        if (index.column() != Name || node.parameters == 0) {
            return {};
        }
        if (node.trainableParameters == node.parameters) {
            return Qt::Checked;
        }
        return node.trainableParameters == 0 ? Qt::Unchecked : Qt::PartiallyChecked;
    case Qt::FontRole:
        if (node.isBlock && index.column() == Name) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= Parameters ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Name) {
            return node.path.empty() ? tr("The whole network") : QString::fromStdString(node.path);
        }
        if (index.column() == LrMultiplier) {
            return tr("Learning-rate multiplier of this module's parameters (double-click to "
                      "edit; it applies to the whole subtree)");
        }
        return {};
    case Qt::EditRole:
        if (index.column() == LrMultiplier) {
            return node.lrMultiplier;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case Name:
        return QString::fromStdString(node.name);
    case Type:
        return QString::fromStdString(node.type);
    case Output:
        return formatShape(shownShape(m_tree, nodeOf(index)));
    case Parameters:
        return locale.toString(static_cast<qint64>(node.parameters));
    case Trainable:
        return locale.toString(static_cast<qint64>(node.trainableParameters));
    case LrMultiplier:
        return node.parameters == 0 ? QString()
                                    : QString(QChar(0x00D7) + locale.toString(node.lrMultiplier));
    default:
        return {};
    }
}

bool ModuleTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || !m_editable || m_project == nullptr) {
        return false;
    }
    Q_ASSERT(checkIndex(index));
    const auto& node = m_tree.nodes[static_cast<size_t>(nodeOf(index))];
    if (node.parameters == 0) {
        return false;
    }
    training::TrainingConfig config = m_project->config();
    bool switched = false;
    if (role == Qt::CheckStateRole && index.column() == Name) {
        const auto state = static_cast<Qt::CheckState>(value.toInt());
        switched = setSubtreeTrainable(config, node.path, state != Qt::Unchecked);
    } else if (role == Qt::EditRole && index.column() == LrMultiplier) {
        bool ok = false;
        const double factor = value.toDouble(&ok);
        if (!ok || factor < 0.0) {
            return false;
        }
        setLrMultiplier(config, node.path, factor);
    } else {
        return false;
    }
    m_project->setConfig(std::move(config));
    Q_EMIT configEdited(switched);
    return true;
}

Qt::ItemFlags ModuleTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Q_ASSERT(checkIndex(index));
    // While a run trains, every row is disabled, not just uncheckable: the view then greys the
    // check boxes too, so the lock is visible and not only felt.
    Qt::ItemFlags flags = m_editable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
    const auto& node = m_tree.nodes[static_cast<size_t>(nodeOf(index))];
    if (node.children.empty()) {
        flags |= Qt::ItemNeverHasChildren;
    }
    if (m_editable && node.parameters > 0) {
        if (index.column() == Name) {
            flags |= Qt::ItemIsUserCheckable;
        } else if (index.column() == LrMultiplier) {
            flags |= Qt::ItemIsEditable;
        }
    }
    return flags;
}

QVariant ModuleTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractItemModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Name:
        return tr("Module");
    case Type:
        return tr("Type");
    case Output:
        return tr("Output");
    case Parameters:
        return tr("Parameters");
    case Trainable:
        return tr("Trainable");
    case LrMultiplier:
        return tr("LR ×");
    default:
        return {};
    }
}

} // namespace tstudio::ui
