#include "ui/labeling/image_grid_model.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include "core/data/problem_text.h"
#include "core/data/sample.h"
#include "core/data/sample_problems.h"
#include "ui/labeling/label_suggestions.h"
#include "ui/labeling/thumbnail_loader.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

QString ImageGridModel::samplesMimeType() {
    return QStringLiteral("application/x-tstudio-samples");
}

std::vector<std::size_t> ImageGridModel::samplesFromMime(const QMimeData* mime) {
    std::vector<std::size_t> samples;
    if (mime == nullptr || !mime->hasFormat(samplesMimeType())) {
        return samples;
    }
    for (const QByteArray& line : mime->data(samplesMimeType()).split('\n')) {
        bool ok = false;
        const qulonglong index = line.toULongLong(&ok);
        if (ok) {
            samples.push_back(static_cast<std::size_t>(index));
        }
    }
    return samples;
}

ImageGridModel::ImageGridModel(ProjectState* state, ThumbnailLoader* loader, QObject* parent)
    : QAbstractListModel(parent), m_state(state), m_loader(loader) {
    rebuildRowLookup();
    connect(state, &ProjectState::datasetChanged, this, [this] {
        beginResetModel();
        if (m_loader != nullptr) {
            m_loader->clearQueue();
        }
        rebuildRowLookup();
        endResetModel();
    });
    connect(state, &ProjectState::samplesChanged, this, &ImageGridModel::onSamplesChanged);
    connect(state, &ProjectState::samplesAdded, this, &ImageGridModel::onSamplesAdded);
    connect(state, &ProjectState::samplesRemoved, this, &ImageGridModel::onSamplesRemoved);
    connect(state, &ProjectState::classesChanged, this, [this] {
        // A rename changes the class names shown without touching a label.
        if (rowCount() > 0) {
            Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                               {ClassNameRole, Qt::ToolTipRole, Qt::BackgroundRole});
        }
    });
    connect(state, &ProjectState::reportChanged, this, &ImageGridModel::onReportChanged);
    if (loader != nullptr) {
        connect(loader, &ThumbnailLoader::thumbnailReady, this, &ImageGridModel::onThumbnailReady);
    }
}

void ImageGridModel::setSuggestions(LabelSuggestions* suggestions) {
    m_suggestions = suggestions;
    connect(suggestions, &LabelSuggestions::suggestionsChanged, this,
            &ImageGridModel::onSamplesChanged);
}

const data::Sample& ImageGridModel::sample(int row) const {
    return m_state->dataset().sample(static_cast<std::size_t>(row));
}

int ImageGridModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_paths.size());
}

QVariant ImageGridModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    if (static_cast<std::size_t>(row) >= m_state->dataset().size()) {
        return {}; // between samples removed from the project and the rows removed here
    }
    const data::Sample& s = sample(row);
    const auto& classes = m_state->dataset().classes();
    const QString className =
        s.label >= 0 && static_cast<std::size_t>(s.label) < classes.size()
            ? QString::fromStdString(classes[static_cast<std::size_t>(s.label)])
            : QString();
    const inference::Suggestion* suggested =
        m_suggestions != nullptr && s.label == data::kUnlabeled
            ? m_suggestions->suggestionFor(static_cast<std::size_t>(row))
            : nullptr;
    const QString suggestedName =
        suggested != nullptr && static_cast<std::size_t>(suggested->label) < classes.size()
            ? QString::fromStdString(classes[static_cast<std::size_t>(suggested->label)])
            : QString();
    switch (role) {
    case Qt::DisplayRole:
        if (!suggestedName.isEmpty()) {
            // The proposal instead of the name: it is what the person decides on (Enter).
            return tr("%1? %2 %")
                .arg(suggestedName)
                .arg(std::lround(100.0 * suggested->confidence));
        }
        return m_names[static_cast<std::size_t>(row)];
    case Qt::ForegroundRole:
        if (!suggestedName.isEmpty()) {
            return QColor::fromHsv((suggested->label * 67) % 360, 200, 150);
        }
        return {};
    case SuggestedLabelRole:
        return suggestedName.isEmpty() ? data::kUnlabeled : suggested->label;
    case SuggestionConfidenceRole:
        return suggestedName.isEmpty() ? -1.0 : static_cast<double>(suggested->confidence);
    case Qt::DecorationRole: {
        if (m_loader == nullptr) {
            return {};
        }
        QIcon icon = m_loader->thumbnail(m_paths[static_cast<std::size_t>(row)]);
        if (icon.isNull()) {
            icon = m_loader->placeholder();
        }
        return hasProblems(row) ? withWarningMark(row, icon) : icon;
    }
    case ProblemsRole: {
        QStringList texts;
        for (const data::DatasetProblem* problem : problems(row)) {
            texts << problemText(row, *problem);
        }
        return texts;
    }
    case ProblemKindsRole: {
        QVariantList kinds;
        for (const data::DatasetProblem* problem : problems(row)) {
            kinds << static_cast<int>(problem->kind);
        }
        return kinds;
    }
    case Qt::ToolTipRole: {
        QString tip = m_paths[static_cast<std::size_t>(row)];
        tip += QLatin1Char('\n') + (className.isEmpty() ? tr("Unlabeled") : className);
        for (const data::DatasetProblem* problem : problems(row)) {
            tip += QLatin1Char('\n') + tr("Problem: %1").arg(problemText(row, *problem));
        }
        if (!suggestedName.isEmpty()) {
            tip += QLatin1Char('\n') + tr("Suggested: %1 (%2 %) — Enter accepts, Delete rejects")
                                           .arg(suggestedName)
                                           .arg(std::lround(100.0 * suggested->confidence));
        }
        if (s.excluded) {
            tip += QLatin1Char('\n') + tr("Excluded from training");
        }
        return tip;
    }
    case Qt::FontRole:
        if (s.excluded) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (s.label >= 0) {
            // A light hue per class, so a page of labelled images reads at a glance.
            return QColor::fromHsv((s.label * 67) % 360, 60, 250, 90);
        }
        return {};
    case LabelRole:
        return s.label;
    case ClassNameRole:
        return className;
    case SplitRole:
        return static_cast<int>(s.split);
    case ExcludedRole:
        return s.excluded;
    case PathRole:
        return m_paths[static_cast<std::size_t>(row)];
    case SampleRole:
        return static_cast<qint64>(row);
    case ModifiedRole:
        return modified(row);
    default:
        return {};
    }
}

qint64 ImageGridModel::modified(int row) const {
    if (m_modified.size() != m_paths.size()) {
        // Only a sort by date asks, and then for every row: stat them all once.
        m_modified.assign(m_paths.size(), 0);
        for (std::size_t i = 0; i < m_paths.size(); ++i) {
            m_modified[i] = QFileInfo(m_paths[i]).lastModified().toMSecsSinceEpoch();
        }
    }
    return m_modified[static_cast<std::size_t>(row)];
}

Qt::ItemFlags ImageGridModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

QStringList ImageGridModel::mimeTypes() const {
    return {samplesMimeType()};
}

QMimeData* ImageGridModel::mimeData(const QModelIndexList& indexes) const {
    QByteArray rows;
    QList<QUrl> urls;
    for (const QModelIndex& index : indexes) {
        if (index.isValid() && index.model() == this) {
            rows += QByteArray::number(index.row()) + '\n';
            urls.push_back(QUrl::fromLocalFile(m_paths[static_cast<std::size_t>(index.row())]));
        }
    }
    auto* mime = new QMimeData;
    mime->setData(samplesMimeType(), rows);
    // Also as files, so thumbnails can be dropped into a file manager or another program.
    mime->setUrls(urls);
    return mime;
}

Qt::DropActions ImageGridModel::supportedDragActions() const {
    return Qt::CopyAction;
}

QHash<int, QByteArray> ImageGridModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(LabelRole, "label");
    names.insert(ClassNameRole, "className");
    names.insert(SplitRole, "split");
    names.insert(ExcludedRole, "excluded");
    names.insert(PathRole, "path");
    names.insert(SampleRole, "sample");
    names.insert(ModifiedRole, "modified");
    names.insert(SuggestedLabelRole, "suggestedLabel");
    names.insert(SuggestionConfidenceRole, "suggestionConfidence");
    names.insert(ProblemsRole, "problems");
    names.insert(ProblemKindsRole, "problemKinds");
    return names;
}

void ImageGridModel::onSamplesChanged(const std::vector<std::size_t>& samples) {
    if (samples.empty()) {
        return;
    }
    std::vector<std::size_t> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    // One dataChanged per run of consecutive rows: a class merge over 20,000 images is one.
    std::size_t first = sorted.front();
    std::size_t last = first;
    const auto flush = [&] {
        Q_EMIT dataChanged(index(static_cast<int>(first)), index(static_cast<int>(last)));
    };
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        if (sorted[i] <= last + 1) {
            last = std::max(last, sorted[i]);
            continue;
        }
        flush();
        first = last = sorted[i];
    }
    flush();
}

void ImageGridModel::onSamplesAdded(std::size_t first, std::size_t count) {
    const int firstRow = static_cast<int>(first);
    beginInsertRows({}, firstRow, firstRow + static_cast<int>(count) - 1);
    rebuildRowLookup();
    endInsertRows();
}

void ImageGridModel::onSamplesRemoved(std::size_t first, std::size_t count) {
    const int firstRow = static_cast<int>(first);
    beginRemoveRows({}, firstRow, firstRow + static_cast<int>(count) - 1);
    rebuildRowLookup();
    endRemoveRows();
}

void ImageGridModel::onThumbnailReady(const QString& path) {
    const auto it = m_rowOfPath.constFind(path);
    if (it != m_rowOfPath.cend()) {
        m_marked.remove(it.value()); // marks the placeholder; the thumbnail gets its own
        const QModelIndex changed = index(it.value());
        Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole});
    }
}

void ImageGridModel::rebuildRowLookup() {
    const auto& samples = m_state->dataset().samples();
    m_names.clear();
    m_paths.clear();
    m_rowOfPath.clear();
    m_modified.clear();
    m_names.reserve(samples.size());
    m_paths.reserve(samples.size());
    m_rowOfPath.reserve(static_cast<qsizetype>(samples.size()));
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const std::filesystem::path& path = samples[i].path;
        m_names.push_back(QString::fromStdString(path.filename().string()));
        m_paths.push_back(QString::fromStdString(path.string()));
        m_rowOfPath.insert(m_paths.back(), static_cast<int>(i));
    }
    rebuildProblems();
}

void ImageGridModel::rebuildProblems() {
    m_problems = data::problemsPerSample(m_state->report(), m_state->dataset());
    m_marked.clear();
}

void ImageGridModel::onReportChanged() {
    rebuildProblems();
    if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                           {ProblemsRole, ProblemKindsRole, Qt::DecorationRole, Qt::ToolTipRole});
    }
}

std::vector<const data::DatasetProblem*> ImageGridModel::problems(int row) const {
    std::vector<const data::DatasetProblem*> found;
    const auto& all = m_state->report().problems;
    for (const std::size_t p : m_problems.at(static_cast<std::size_t>(row))) {
        if (p < all.size()) { // a new report, while its reportChanged is still on its way here
            found.push_back(&all[p]);
        }
    }
    return found;
}

bool ImageGridModel::hasProblem(int row, data::ProblemKind kind) const {
    const auto& all = m_state->report().problems;
    const auto& mine = m_problems.at(static_cast<std::size_t>(row));
    return std::any_of(mine.begin(), mine.end(),
                       [&](std::size_t p) { return p < all.size() && all[p].kind == kind; });
}

QString ImageGridModel::problemText(int row, const data::DatasetProblem& problem) const {
    // A file's problem reads "<file>: what is wrong"; shown next to that file, the name is noise.
    const QString message = data::translatedMessage(problem);
    const QString prefix =
        QString::fromStdString(data::reportItemName(sample(row))) + QStringLiteral(": ");
    return message.startsWith(prefix) ? message.mid(prefix.size()) : message;
}

QIcon ImageGridModel::withWarningMark(int row, const QIcon& icon) const {
    const auto it = m_marked.constFind(row);
    if (it != m_marked.cend() && it->first == icon.cacheKey()) {
        return it->second;
    }
    const QList<QSize> sizes = icon.availableSizes();
    const QSize size = sizes.isEmpty() ? QSize(64, 48) : sizes.first();
    QPixmap pixmap = icon.pixmap(size);
    const QSizeF logical = pixmap.deviceIndependentSize();
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // A yellow warning triangle in the top right corner, as file managers mark broken files.
    const qreal side = std::max<qreal>(14, std::min(logical.width(), logical.height()) / 4);
    const QRectF box(logical.width() - side - 3, 3, side, side);
    QPainterPath triangle;
    triangle.moveTo(box.center().x(), box.top());
    triangle.lineTo(box.bottomRight());
    triangle.lineTo(box.bottomLeft());
    triangle.closeSubpath();
    painter.setPen(QPen(QColor(110, 70, 0), 1));
    painter.setBrush(QColor(250, 190, 20));
    painter.drawPath(triangle);
    painter.setPen(QPen(Qt::black, std::max<qreal>(1.5, side / 8), Qt::SolidLine, Qt::RoundCap));
    const qreal x = box.center().x();
    painter.drawLine(QPointF(x, box.top() + side * 0.38), QPointF(x, box.top() + side * 0.68));
    painter.drawPoint(QPointF(x, box.top() + side * 0.84));
    painter.end();
    const QIcon marked(pixmap);
    m_marked.insert(row, {icon.cacheKey(), marked});
    return marked;
}

} // namespace tstudio::ui
