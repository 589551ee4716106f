#include "ui/classify/classify_worker.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <vector>

#include "core/common/threads.h"
#include "core/imaging/image_decoder.h"
#include "core/inference/image_classifier.h"
#include "core/inference/image_paths.h"
#include "core/inference/top_classes.h"
#include "core/training/model_bundle.h"
#include "ui/classify/preview_pixels.h"
#include "ui/common/failure_message.h"
#include "ui/common/rgb_qimage.h"

namespace tstudio::ui {

namespace {} // namespace

ClassifyWorker::ClassifyWorker(QObject* parent) : QObject(parent) {}

ClassifyWorker::~ClassifyWorker() = default;

QString ClassifyWorker::openModel(const ClassifierChoice& choice) {
    if ((m_imagenet || m_bundle) && choice == m_open) {
        return {};
    }
    m_imagenet.reset();
    m_bundle.reset();
    if (choice.isBundle()) {
        auto opened = training::BundleClassifier::open(choice.bundle.toStdString());
        if (!opened) {
            return translatedError(opened.message());
        }
        m_bundle = std::make_unique<training::BundleClassifier>(std::move(opened).value());
    } else {
        inference::ModelSpec spec;
        spec.arch = choice.arch.toStdString();
        spec.weights = choice.weights.toStdString();
        auto opened = inference::ImageClassifier::open(spec);
        if (!opened) {
            return translatedError(opened.message());
        }
        m_imagenet = std::make_unique<inference::ImageClassifier>(std::move(opened).value());
    }
    m_open = choice;
    return {};
}

QStringList ClassifyWorker::classNames() const {
    QStringList names;
    if (m_bundle) {
        for (const std::string& name : m_bundle->info().classes) {
            names << QString::fromStdString(name);
        }
    } else {
        for (int i = 0; i < m_imagenet->classCount(); ++i) {
            names << QString::fromStdString(m_imagenet->label(i));
        }
    }
    return names;
}

void ClassifyWorker::classify(const ClassifierChoice& choice, const QStringList& paths, int topk) {
    // The worker's entry point holds the only catch: whatever escapes core becomes failed().
    try {
        if (m_cancel.load()) {
            Q_EMIT cancelled(); // cancelled while queued: not even the network is opened
            return;
        }
        useAllCores();
        if (const QString error = openModel(choice); !error.isEmpty()) {
            Q_EMIT failed(error);
            return;
        }
        const QStringList classes = classNames();
        // Folders are expanded here, on the worker: listing a big tree must not stall the GUI.
        std::vector<std::filesystem::path> arguments;
        for (const QString& path : paths) {
            arguments.emplace_back(path.toStdString());
        }
        const inference::ImageInputs inputs = inference::expandImagePaths(arguments);
        const int total = static_cast<int>(inputs.files.size() + inputs.problems.size());
        Q_EMIT started(total, classes);
        int done = 0;
        if (!inputs.problems.empty()) {
            QList<ClassifiedImage> problems;
            for (const Error& problem : inputs.problems) {
                ClassifiedImage result;
                result.error = QString::fromStdString(problem.message);
                problems << result;
            }
            done += static_cast<int>(problems.size());
            Q_EMIT imagesClassified(problems, done, total);
        }
        const auto step = static_cast<std::size_t>(kBatchSize);
        for (std::size_t begin = 0; begin < inputs.files.size(); begin += step) {
            const std::size_t end = std::min(begin + step, inputs.files.size());
            QList<ClassifiedImage> batch;
            std::vector<imaging::RgbImage> images;
            std::vector<qsizetype> rows; // batch row of each decoded image
            for (std::size_t i = begin; i < end; ++i) {
                if (m_cancel.load()) {
                    Q_EMIT cancelled();
                    return;
                }
                ClassifiedImage result;
                result.path = QString::fromStdString(inputs.files[i].string());
                auto image = imaging::decodeImage(inputs.files[i]);
                if (image) {
                    result.thumbnail = fittedQImage(*image, kThumbnailSide);
                    images.push_back(std::move(image).value());
                    rows.push_back(batch.size());
                } else {
                    result.error = QString::fromStdString(image.message());
                }
                batch << result;
            }
            auto probabilities =
                m_bundle ? m_bundle->probabilities(images) : m_imagenet->probabilities(images);
            if (!probabilities) {
                Q_EMIT failed(QString::fromStdString(probabilities.message()));
                return;
            }
            for (std::size_t k = 0; k < rows.size(); ++k) {
                ClassifiedImage& result = batch[rows[k]];
                result.probabilities = std::move((*probabilities)[k]);
                for (const int index : inference::topClassIndices(result.probabilities, topk)) {
                    result.top.push_back({index, classes[index].toStdString(),
                                          result.probabilities[static_cast<std::size_t>(index)]});
                }
            }
            done += static_cast<int>(batch.size());
            Q_EMIT imagesClassified(batch, done, total);
        }
        Q_EMIT finished();
    } catch (const std::exception& e) {
        m_imagenet.reset();
        m_bundle.reset();
        Q_EMIT failed(tr("Classification stopped: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<imaging::HeatMap> ClassifyWorker::heatMapOf(const imaging::RgbImage& image, int classIndex) {
    if (m_bundle) {
        auto cam = m_bundle->gradCam(image, classIndex);
        if (!cam) {
            return cam.error();
        }
        return std::move(cam->heatMap);
    }
    auto cam = m_imagenet->gradCam(image, classIndex, /*topk=*/1);
    if (!cam) {
        return cam.error();
    }
    return std::move(cam->heatMap);
}

void ClassifyWorker::explain(const ClassifierChoice& choice, const QString& path, int classIndex,
                             bool gradCam) {
    ExplainedImage result;
    result.path = path;
    result.requestedClass = classIndex;
    result.gradCam = gradCam;
    // The worker's entry point holds the only catch: whatever escapes core becomes the error.
    try {
        auto image = imaging::decodeImage(path.toStdString());
        if (!image) {
            result.error = QString::fromStdString(image.message());
            Q_EMIT explained(result);
            return;
        }
        imaging::RgbImage preview = shrinkToFit(*image, kPreviewSide);
        if (gradCam) {
            if (const QString error = openModel(choice); !error.isEmpty()) {
                result.error = error;
                Q_EMIT explained(result);
                return;
            }
            // Grad-CAM looks at the full image (as the network does), then shrinks to the preview.
            Result<imaging::HeatMap> map = heatMapOf(*image, classIndex);
            if (!map) {
                result.error = QString::fromStdString(map.message());
                Q_EMIT explained(result);
                return;
            }
            result.heatMap = std::make_shared<const imaging::HeatMap>(
                resizeHeatMap(*map, preview.width, preview.height));
        }
        result.image = std::make_shared<const imaging::RgbImage>(std::move(preview));
    } catch (const std::exception& e) {
        result.error = tr("Grad-CAM failed: %1").arg(QString::fromUtf8(e.what()));
    }
    Q_EMIT explained(result);
}

} // namespace tstudio::ui
