#include "ui/models/run_comparison_model.h"

#include <map>

#include <QColor>
#include <QDir>
#include <QFont>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QStringList>

#include "core/training/training_config.h"
#include "ui/models/run_text.h"

namespace tstudio::ui {

namespace {

// The run's own output folder: different for every run by construction (the list shows it),
// so comparing it would mark every comparison as differing.
const QString kPerRunKey = QStringLiteral("outDir");

using Flat = std::map<QString, QJsonValue>;

void flatten(const QJsonObject& object, const QString& prefix, Flat& out) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject()) {
            flatten(it.value().toObject(), key, out);
        } else {
            out[key] = it.value();
        }
    }
}

QString valueText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 6);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return QStringLiteral("null");
    }
}

} // namespace

RunComparisonModel::RunComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunComparisonModel::setRuns(const std::vector<project::RunRecord>& runs) {
    beginResetModel();
    m_runs = runs;
    std::vector<Flat> flat(m_runs.size());
    std::map<QString, Setting> byKey;
    for (std::size_t run = 0; run < m_runs.size(); ++run) {
        flatten(training::toJson(m_runs[run].config), {}, flat[run]);
        flat[run].erase(kPerRunKey);
        for (const auto& entry : flat[run]) {
            byKey[entry.first].key = entry.first;
        }
    }
    m_settings.clear();
    for (auto& entry : byKey) {
        Setting& setting = entry.second;
        for (const Flat& values : flat) {
            const auto found = values.find(setting.key);
            setting.values.push_back(found != values.end() ? std::optional(found->second)
                                                           : std::nullopt);
        }
        for (const auto& value : setting.values) {
            setting.differs = setting.differs || value != setting.values.front();
        }
        m_settings.push_back(std::move(setting));
    }
    rebuild();
    endResetModel();
}

void RunComparisonModel::setOnlyDifferences(bool only) {
    if (only == m_onlyDifferences) {
        return;
    }
    beginResetModel();
    m_onlyDifferences = only;
    rebuild();
    endResetModel();
}

void RunComparisonModel::rebuild() {
    m_shown.clear();
    for (std::size_t i = 0; i < m_settings.size(); ++i) {
        if (!m_onlyDifferences || m_settings[i].differs) {
            m_shown.push_back(static_cast<int>(i));
        }
    }
}

QString RunComparisonModel::settingKey(int row) const {
    return m_settings[static_cast<std::size_t>(m_shown[static_cast<std::size_t>(row)])].key;
}

int RunComparisonModel::rowOf(const QString& key) const {
    for (std::size_t row = 0; row < m_shown.size(); ++row) {
        if (m_settings[static_cast<std::size_t>(m_shown[row])].key == key) {
            return static_cast<int>(row);
        }
    }
    return -1;
}

bool RunComparisonModel::differs(int row) const {
    return m_settings[static_cast<std::size_t>(m_shown[static_cast<std::size_t>(row)])].differs;
}

int RunComparisonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

int RunComparisonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 1 + runCount();
}

QVariant RunComparisonModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Setting& setting =
        m_settings[static_cast<std::size_t>(m_shown[static_cast<std::size_t>(index.row())])];
    switch (role) {
    case DiffersRole:
        return setting.differs;
    case Qt::FontRole:
        if (setting.differs) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole:
        // Translucent amber: marks the row on light and dark palettes alike.
        return setting.differs ? QVariant(QColor(255, 193, 7, 80)) : QVariant();
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        if (index.column() == kSettingColumn) {
            return setting.key;
        }
        const auto& value = setting.values[static_cast<std::size_t>(index.column() - 1)];
        if (value) {
            return valueText(*value);
        }
        return role == Qt::DisplayRole ? QStringLiteral("—")
                                       : tr("This run was made by a version without this setting.");
    }
    default:
        return {};
    }
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section == kSettingColumn) {
        return role == Qt::DisplayRole ? QVariant(tr("Setting")) : QVariant();
    }
    const project::RunRecord& run = m_runs[static_cast<std::size_t>(section - 1)];
    switch (role) {
    case Qt::DisplayRole:
        // One part per line: the column then fits its values, not a long one-line name.
        return QStringList{startedText(run), backboneText(run.config.arch),
                           modeText(run.config.mode)}
            .join(QLatin1Char('\n'));
    case Qt::ToolTipRole:
        return QDir::toNativeSeparators(
            QString::fromStdString(run.summary.bundle.parent_path().string()));
    case Qt::DecorationRole: {
        // A swatch of the run's curve colour (a header draws icons, not colours).
        QPixmap swatch(12, 12);
        swatch.fill(runColor(static_cast<std::size_t>(section - 1)));
        return QIcon(swatch);
    }
    default:
        return {};
    }
}

} // namespace tstudio::ui
