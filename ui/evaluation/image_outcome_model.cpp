#include "ui/evaluation/image_outcome_model.h"

#include <QFileInfo>

#include "ui/labeling/thumbnail_loader.h"
#include "ui/project/project_state.h"

namespace tstudio::ui {

ImageOutcomeModel::ImageOutcomeModel(const ProjectState* state, ThumbnailLoader* loader,
                                     QObject* parent)
    : QAbstractListModel(parent), m_state(state), m_loader(loader) {
    connect(state, &ProjectState::samplesChanged, this, &ImageOutcomeModel::onSamplesChanged);
    connect(state, &ProjectState::classesChanged, this, [this] {
        if (!m_outcomes.empty()) {
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
        }
    });
    connect(loader, &ThumbnailLoader::thumbnailReady, this, &ImageOutcomeModel::onThumbnailReady);
}

void ImageOutcomeModel::setOutcomes(std::shared_ptr<const training::EvaluationReport> report,
                                    std::vector<std::size_t> outcomes) {
    beginResetModel();
    m_report = std::move(report);
    m_outcomes = std::move(outcomes);
    m_rowOfPath.clear();
    m_rowOfSample.clear();
    for (std::size_t row = 0; row < m_outcomes.size(); ++row) {
        const training::ImageOutcome& o = m_report->images.at(m_outcomes[row]);
        m_rowOfPath.insert(QString::fromStdString(o.path.string()), static_cast<int>(row));
        m_rowOfSample.insert(static_cast<qulonglong>(o.sample), static_cast<int>(row));
    }
    endResetModel();
}

void ImageOutcomeModel::clear() {
    beginResetModel();
    m_report.reset();
    m_outcomes.clear();
    m_rowOfPath.clear();
    m_rowOfSample.clear();
    endResetModel();
}

const training::ImageOutcome* ImageOutcomeModel::outcomeAt(int row) const {
    if (row < 0 || row >= rowCount()) {
        return nullptr;
    }
    return &m_report->images[m_outcomes[static_cast<std::size_t>(row)]];
}

int ImageOutcomeModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_outcomes.size());
}

QString ImageOutcomeModel::currentLabelNote(const training::ImageOutcome& outcome) const {
    const data::Dataset& dataset = m_state->dataset();
    if (outcome.sample >= dataset.size()) {
        return {};
    }
    const data::Sample& sample = dataset.sample(outcome.sample);
    if (sample.excluded) {
        return tr("excluded");
    }
    const std::string& trueName = m_report->classes.at(static_cast<std::size_t>(outcome.trueClass));
    if (sample.label == data::kUnlabeled) {
        return tr("now unlabeled");
    }
    const std::string& now = dataset.classes().at(static_cast<std::size_t>(sample.label));
    return now == trueName ? QString() : tr("now %1").arg(QString::fromStdString(now));
}

QString ImageOutcomeModel::caption(const training::ImageOutcome& outcome) const {
    const auto name = [&](int c) {
        return QString::fromStdString(m_report->classes.at(static_cast<std::size_t>(c)));
    };
    const float p = outcome.probabilities.at(static_cast<std::size_t>(outcome.predicted));
    QString text = QStringLiteral("%1 → %2 %3%")
                       .arg(name(outcome.trueClass), name(outcome.predicted))
                       .arg(100.0 * static_cast<double>(p), 0, 'f', 1);
    if (const QString note = currentLabelNote(outcome); !note.isEmpty()) {
        text += QStringLiteral("\n(%1)").arg(note);
    }
    return text;
}

QVariant ImageOutcomeModel::data(const QModelIndex& index, int role) const {
    const training::ImageOutcome* o = outcomeAt(index.isValid() ? index.row() : -1);
    if (o == nullptr) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return caption(*o);
    case Qt::DecorationRole: {
        const QIcon icon = m_loader->thumbnail(QString::fromStdString(o->path.string()));
        return icon.isNull() ? m_loader->placeholder() : icon;
    }
    case Qt::ToolTipRole:
        return tr("%1\nloss %2")
            .arg(QString::fromStdString(o->path.string()))
            .arg(o->loss, 0, 'f', 3);
    case SampleRole:
        return static_cast<qulonglong>(o->sample);
    case TrueClassRole:
        return o->trueClass;
    case PredictedRole:
        return o->predicted;
    case ProbabilityRole:
        return static_cast<double>(o->probabilities.at(static_cast<std::size_t>(o->predicted)));
    case LossRole:
        return o->loss;
    default:
        return {};
    }
}

void ImageOutcomeModel::onSamplesChanged(const std::vector<std::size_t>& samples) {
    for (const std::size_t sample : samples) {
        const auto it = m_rowOfSample.constFind(static_cast<qulonglong>(sample));
        if (it != m_rowOfSample.constEnd()) {
            const QModelIndex changed = index(*it);
            Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole});
        }
    }
}

void ImageOutcomeModel::onThumbnailReady(const QString& path) {
    const auto it = m_rowOfPath.constFind(path);
    if (it != m_rowOfPath.constEnd()) {
        const QModelIndex changed = index(*it);
        Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole});
    }
}

} // namespace tstudio::ui
