#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

#include "core/inference/image_classifier.h"
#include "ui/classify/classified_image.h"

namespace tstudio::ui {

/**
 * Runs "classifier as is" jobs on its own thread (move it to a QThread): opens the network once
 * per model spec and keeps it for the next job. Commands come in through queued calls of
 * classify(), each after prepareJob(); every job ends with exactly one of finished(),
 * failed(message) or cancelled().
 */
class ClassifyWorker final : public QObject {
    Q_OBJECT

public:
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
    void classify(const QString& arch, const QString& weightsPath, const QStringList& paths,
                  int topk);

Q_SIGNALS:
    void started(int imageCount);
    void imageClassified(const tstudio::ui::ClassifiedImage& result, int done, int total);
    void finished();
    void failed(const QString& message);
    void cancelled();

private:
    std::atomic_bool m_cancel{false};
    QString m_openArch;
    QString m_openWeights;
    std::unique_ptr<inference::ImageClassifier> m_classifier;
};

} // namespace tstudio::ui
