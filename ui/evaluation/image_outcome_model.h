#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include <QAbstractListModel>
#include <QHash>

#include "core/training/evaluation_report.h"

namespace tstudio::ui {

class ProjectState;
class ThumbnailLoader;

/**
 * Some images of an evaluation — a confusion-matrix cell, or the top losses — with their
 * thumbnails, true and predicted class and the model's probability. The project's current label
 * shows too once the person changed it here (the report keeps what the model saw).
 */
class ImageOutcomeModel final : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        SampleRole = Qt::UserRole + 1, ///< the dataset sample index (std::size_t as qulonglong)
        TrueClassRole,                 ///< report class index
        PredictedRole,                 ///< report class index
        ProbabilityRole,               ///< of the predicted class
        LossRole,
    };

    ImageOutcomeModel(const ProjectState* state, ThumbnailLoader* loader,
                      QObject* parent = nullptr);

    /** The images shown: indices into report->images, in this order. */
    void setOutcomes(std::shared_ptr<const training::EvaluationReport> report,
                     std::vector<std::size_t> outcomes);
    void clear();
    const training::ImageOutcome* outcomeAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QString caption(const training::ImageOutcome& outcome) const;
    QString currentLabelNote(const training::ImageOutcome& outcome) const;
    void onSamplesChanged(const std::vector<std::size_t>& samples);
    void onThumbnailReady(const QString& path);

    const ProjectState* m_state;
    ThumbnailLoader* m_loader;
    std::shared_ptr<const training::EvaluationReport> m_report;
    std::vector<std::size_t> m_outcomes;
    QHash<QString, int> m_rowOfPath;
    QHash<qulonglong, int> m_rowOfSample;
};

} // namespace tstudio::ui
