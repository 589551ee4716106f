#pragma once

#include <optional>
#include <vector>

#include <QAbstractTableModel>
#include <QJsonValue>
#include <QString>

#include "core/project/project.h"

namespace tstudio::ui {

/**
 * The settings of the runs being compared, side by side: one row per setting any of them has
 * (the training configuration's JSON form, nested objects as dotted keys such as
 * "optimizer.lr", so a new setting shows up without a change here), a first column naming it,
 * then one column per run. Rows whose values differ are bold on a highlighted background;
 * setOnlyDifferences() hides the others. Read-only; setRuns() resets (another selection).
 */
class RunComparisonModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        DiffersRole = Qt::UserRole + 1, ///< bool: the row's runs disagree (any column)
    };
    static constexpr int kSettingColumn = 0;

    explicit RunComparisonModel(QObject* parent = nullptr);

    void setRuns(const std::vector<project::RunRecord>& runs);
    int runCount() const { return static_cast<int>(m_runs.size()); }

    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDifferences; }

    /** The dotted key of row ("optimizer.lr"). */
    QString settingKey(int row) const;
    /** The row showing key, or -1 (not shown, or no run has it). */
    int rowOf(const QString& key) const;
    bool differs(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Setting {
        QString key;
        std::vector<std::optional<QJsonValue>> values; ///< per run; empty: the run lacks it
        bool differs = false;
    };

    void rebuild();

    std::vector<project::RunRecord> m_runs;
    std::vector<Setting> m_settings; ///< every setting of the runs, by key
    std::vector<int> m_shown;        ///< rows: indices into m_settings
    bool m_onlyDifferences = false;
};

} // namespace tstudio::ui
