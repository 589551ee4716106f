#pragma once

#include <cstddef>
#include <vector>

#include <QAbstractListModel>
#include <QHash>
#include <QIcon>
#include <QString>

#include "core/data/dataset_report.h"

namespace tstudio::data {
struct Sample;
}

namespace tstudio::ui {

class LabelSuggestions;
class ProjectState;
class ThumbnailLoader;

/**
 * Every sample of the open project, one row per sample in dataset order (row == sample index),
 * for the labelling grid. DisplayRole is the file name, DecorationRole the thumbnail (asked of
 * the ThumbnailLoader only when a view paints the row, so a 20,000-image grid decodes what is
 * visible), a placeholder until it arrives, with a warning mark when the dataset check found a
 * problem with the file (ProjectState::report()). Follows the ProjectState incrementally: changed
 * samples are dataChanged for their rows only, appended/removed samples insert/remove rows, a
 * new dataset resets. Drags carry the sample indices (kSamplesMimeType). GUI thread.
 */
class ImageGridModel final : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        LabelRole = Qt::UserRole + 1, ///< int: class index or data::kUnlabeled
        ClassNameRole,                ///< QString: the class name, empty when unlabeled
        SplitRole,                    ///< int: data::Split
        ExcludedRole,                 ///< bool
        PathRole,                     ///< QString: the image file
        SampleRole,                   ///< qint64: the sample index
        ModifiedRole,                 ///< qint64: the file's modification time, ms since epoch
        SuggestedLabelRole,           ///< int: the suggested class, data::kUnlabeled when none
        SuggestionConfidenceRole,     ///< double: its confidence 0..1; -1 when none
        ProblemsRole,                 ///< QStringList: what the dataset check found wrong
        ProblemKindsRole,             ///< QVariantList of int (data::ProblemKind), same order
    };
    /** Mime type of dragged thumbnails: the sample indices as text, one per line. */
    static QString samplesMimeType();
    /** The sample indices a drag from this model carries; empty when it is not one. */
    static std::vector<std::size_t> samplesFromMime(const class QMimeData* mime);

    /** loader may be null (no thumbnails: placeholders only). */
    ImageGridModel(ProjectState* state, ThumbnailLoader* loader, QObject* parent = nullptr);

    ProjectState* state() const { return m_state; }
    /** Shows these suggested labels on the unlabeled images (the text reads "bee? 92 %"). */
    void setSuggestions(LabelSuggestions* suggestions);
    const data::Sample& sample(int row) const;
    /** The row of the sample whose file is path, or -1. */
    int rowOfPath(const QString& path) const { return m_rowOfPath.value(path, -1); }
    /** The dataset check's problems with the file of row (none before a check). */
    std::vector<const data::DatasetProblem*> problems(int row) const;
    bool hasProblem(int row, data::ProblemKind kind) const;
    bool hasProblems(int row) const {
        return !m_problems.at(static_cast<std::size_t>(row)).empty();
    }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onSamplesChanged(const std::vector<std::size_t>& samples);
    void onSamplesAdded(std::size_t first, std::size_t count);
    void onSamplesRemoved(std::size_t first, std::size_t count);
    void onThumbnailReady(const QString& path);
    void rebuildRowLookup();
    void rebuildProblems();
    void onReportChanged();
    QString problemText(int row, const data::DatasetProblem& problem) const;
    QIcon withWarningMark(int row, const QIcon& icon) const;
    qint64 modified(int row) const;

    ProjectState* m_state;
    ThumbnailLoader* m_loader;
    LabelSuggestions* m_suggestions = nullptr;
    std::vector<QString> m_names; ///< file names, made once per row (sorting asks often)
    std::vector<QString> m_paths;
    QHash<QString, int> m_rowOfPath;
    /** Filled on first ask: a stat per file is too slow to repeat in a sort. */
    mutable std::vector<qint64> m_modified;
    /** Per row, the indices into the report's problems that name its file. */
    std::vector<std::vector<std::size_t>> m_problems;
    /** The marked thumbnails of rows with problems, with the cacheKey of the icon they mark:
        painting asks for them on every repaint. */
    mutable QHash<int, std::pair<qint64, QIcon>> m_marked;
};

} // namespace tstudio::ui
