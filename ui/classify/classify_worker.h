#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

#include "core/common/result.h"
#include "ui/classify/classified_image.h"
#include "ui/classify/classifier_choice.h"
#include "ui/classify/explained_image.h"

namespace tstudio::inference {
class ImageClassifier;
}
namespace tstudio::training {
class BundleClassifier;
}

namespace tstudio::ui {

/**
 * Runs Classify jobs on its own thread (move it to a QThread) with the chosen model: a trained
 * bundle or the backbone as is. Opens the model once per choice and keeps it for the next job.
 * Images go through the network in batches of kBatchSize; each file is decoded once (the
 * thumbnail comes from the same pixels). Commands come in through queued calls of classify(),
 * each after prepareJob(); every job ends with exactly one of finished(), failed(message) or
 * cancelled().
 */
class ClassifyWorker final : public QObject {
    Q_OBJECT

public:
    static constexpr int kBatchSize = 16;
    static constexpr int kThumbnailSide = 96;
    /** The large preview's longest side, in pixels. */
    static constexpr int kPreviewSide = 768;

    explicit ClassifyWorker(QObject* parent = nullptr);
    ~ClassifyWorker() override;

    /**
     * Any thread, before queueing classify(): clears the cancel flag, so a cancel requested
     * after this but before the job starts still cancels it.
     */
    void prepareJob() { m_cancel.store(false); }
    /** Thread-safe: the running or queued job stops before its next image. */
    void requestCancel() { m_cancel.store(true); }

public Q_SLOTS:
    /** Classifies the files and folders (searched recursively) in paths; topk classes each. */
    void classify(const tstudio::ui::ClassifierChoice& choice, const QStringList& paths, int topk);
    /**
     * The large preview of the image at path, with its Grad-CAM heat map for classIndex (-1:
     * the predicted class) when gradCam; answers with explained(), an error included. Not part
     * of the job protocol: it runs between jobs, in the order it was queued.
     */
    void explain(const tstudio::ui::ClassifierChoice& choice, const QString& path, int classIndex,
                 bool gradCam);

Q_SIGNALS:
    /** The job's image count and the model's class names, by class index. */
    void started(int imageCount, const QStringList& classes);
    /** A batch of outcomes, in input order; done counts every image so far. */
    void imagesClassified(const QList<tstudio::ui::ClassifiedImage>& batch, int done, int total);
    void finished();
    void failed(const QString& message);
    void cancelled();
    void explained(const tstudio::ui::ExplainedImage& explained);

private:
    /** Opens choice unless it is the model already open; the core's message when it fails. */
    QString openModel(const ClassifierChoice& choice);
    QStringList classNames() const;
    /** Grad-CAM of image for classIndex (-1: the predicted class) with the open model. */
    Result<imaging::HeatMap> heatMapOf(const imaging::RgbImage& image, int classIndex);

    std::atomic_bool m_cancel{false};
    ClassifierChoice m_open;
    std::unique_ptr<inference::ImageClassifier> m_imagenet;
    std::unique_ptr<training::BundleClassifier> m_bundle;
};

} // namespace tstudio::ui
