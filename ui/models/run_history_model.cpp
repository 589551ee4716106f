#include "ui/models/run_history_model.h"

#include <QDir>

#include "ui/common/duration_text.h"
#include "ui/models/run_text.h"

namespace tstudio::ui {

RunHistoryModel::RunHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunHistoryModel::setRuns(const std::vector<project::RunRecord>& runs) {
    bool prefix = runs.size() >= m_runs.size();
    for (std::size_t i = 0; prefix && i < m_runs.size(); ++i) {
        prefix = isSameRun(m_runs[i], runs[i]);
    }
    if (!prefix && removeLeftOut(runs)) {
        return;
    }
    if (!prefix) {
        beginResetModel();
        m_runs = runs;
        endResetModel();
        return;
    }
    if (runs.size() == m_runs.size()) {
        return;
    }
    beginInsertRows({}, static_cast<int>(m_runs.size()), static_cast<int>(runs.size()) - 1);
    m_runs.insert(m_runs.end(), runs.begin() + static_cast<std::ptrdiff_t>(m_runs.size()),
                  runs.end());
    endInsertRows();
}

bool RunHistoryModel::removeLeftOut(const std::vector<project::RunRecord>& runs) {
    std::vector<int> leftOut;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (kept < runs.size() && isSameRun(m_runs[i], runs[kept])) {
            ++kept;
        } else {
            leftOut.push_back(static_cast<int>(i));
        }
    }
    if (kept != runs.size()) {
        return false;
    }
    // From the back, so the rows still to remove keep their numbers.
    for (auto row = leftOut.rbegin(); row != leftOut.rend(); ++row) {
        beginRemoveRows({}, *row, *row);
        m_runs.erase(m_runs.begin() + *row);
        endRemoveRows();
    }
    return true;
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const project::RunRecord& run = m_runs[static_cast<std::size_t>(index.row())];
    const training::TrainingSummary& s = run.summary;
    if (role == BundlePathRole) {
        return QString::fromStdString(s.bundle.string());
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Epochs:
            return s.epochsRun;
        case BestAccuracy:
            return s.bestValAccuracy;
        case TestAccuracy:
            return s.test ? s.test->top1 : -1.0;
        case Duration:
            return s.wallSeconds;
        case Started:
            return QString::fromStdString(run.startedAt);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Bundle) {
        return QDir::toNativeSeparators(QString::fromStdString(s.bundle.string()));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Started:
        return startedText(run);
    case Backbone:
        return backboneText(run.config.arch);
    case Mode:
        return modeText(run.config.mode);
    case Epochs:
        return s.epochsRun;
    case BestAccuracy:
        return s.bestEpoch > 0
                   ? tr("%1 (epoch %2)").arg(percentText(s.bestValAccuracy)).arg(s.bestEpoch)
                   : percentText(s.bestValAccuracy);
    case TestAccuracy:
        return s.test ? percentText(s.test->top1) : QStringLiteral("–");
    case Duration:
        return formatDuration(s.wallSeconds);
    case Ended:
        return s.stopReason.empty() ? tr("finished") : QString::fromStdString(s.stopReason);
    case Bundle:
        return QString::fromStdString(s.bundle.parent_path().filename().string());
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Started:
        return tr("Started");
    case Backbone:
        return tr("Backbone");
    case Mode:
        return tr("Mode");
    case Epochs:
        return tr("Epochs");
    case BestAccuracy:
        return tr("Best val. accuracy");
    case TestAccuracy:
        return tr("Test accuracy");
    case Duration:
        return tr("Time");
    case Ended:
        return tr("Ended");
    case Bundle:
        return tr("Run folder");
    default:
        return {};
    }
}

} // namespace tstudio::ui
