#include "ui/classify/classify_worker.h"

#include <exception>

#include <QImageReader>

#include "core/common/threads.h"
#include "core/inference/image_paths.h"

namespace tstudio::ui {

namespace {
QImage makeThumbnail(const QString& path) {
    constexpr int kSide = 96;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid()) {
        // Decoding at reduced size keeps a huge photo from costing its full resolution.
        reader.setScaledSize(size.scaled(kSide, kSide, Qt::KeepAspectRatio));
    }
    return reader.read();
}
} // namespace

ClassifyWorker::ClassifyWorker(QObject* parent) : QObject(parent) {}

ClassifyWorker::~ClassifyWorker() = default;

void ClassifyWorker::classify(const QString& arch, const QString& weightsPath,
                              const QStringList& paths, int topk) {
    // The worker's entry point holds the only catch: whatever escapes core becomes failed().
    try {
        if (m_cancel.load()) {
            Q_EMIT cancelled(); // cancelled while queued: not even the network is opened
            return;
        }
        useAllCores();
        if (!m_classifier || arch != m_openArch || weightsPath != m_openWeights) {
            m_classifier.reset();
            inference::ModelSpec spec;
            spec.arch = arch.toStdString();
            spec.weights = weightsPath.toStdString();
            auto opened = inference::ImageClassifier::open(spec);
            if (!opened) {
                Q_EMIT failed(QString::fromStdString(opened.message()));
                return;
            }
            m_classifier = std::make_unique<inference::ImageClassifier>(std::move(opened).value());
            m_openArch = arch;
            m_openWeights = weightsPath;
        }
        // Folders are expanded here, on the worker: listing a big tree must not stall the GUI.
        std::vector<std::filesystem::path> arguments;
        for (const QString& path : paths) {
            arguments.emplace_back(path.toStdString());
        }
        const inference::ImageInputs inputs = inference::expandImagePaths(arguments);
        const int total = static_cast<int>(inputs.files.size() + inputs.problems.size());
        Q_EMIT started(total);
        int done = 0;
        for (const Error& problem : inputs.problems) {
            ClassifiedImage result;
            result.error = QString::fromStdString(problem.message);
            Q_EMIT imageClassified(result, ++done, total);
        }
        for (const auto& file : inputs.files) {
            if (m_cancel.load()) {
                Q_EMIT cancelled();
                return;
            }
            ClassifiedImage result;
            result.path = QString::fromStdString(file.string());
            result.thumbnail = makeThumbnail(result.path);
            auto prediction = m_classifier->classify(file, topk);
            if (prediction) {
                result.top = prediction->top;
            } else {
                result.error = QString::fromStdString(prediction.message());
            }
            Q_EMIT imageClassified(result, ++done, total);
        }
        Q_EMIT finished();
    } catch (const std::exception& e) {
        m_classifier.reset();
        Q_EMIT failed(tr("Classification stopped: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace tstudio::ui
