// One evaluation transform everywhere: the same photo gives the same input tensor, and so the
// same probabilities, in the training run's validation, the bundle's evaluate, and predict (which
// the Classify page and `tstudio predict` call). Real JPEGs of several sizes from the shared
// hymenoptera set: a reduced-scale decode or another resize shows up here, not in 40x30 PNGs.

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>

#include <torch/torch.h>

#include "core/data/batch_loader.h"
#include "core/data/dataset.h"
#include "core/data/decoded_image_cache.h"
#include "core/imaging/image_decoder.h"
#include "core/imaging/preprocess.h"
#include "core/inference/memory_format.h"
#include "core/models/registry.h"
#include "core/training/model_bundle.h"
#include "core/training/trainer.h"
#include "core/training/transfer_net.h"
#include "core/weights/state_dict.h"

using namespace tstudio;
namespace fs = std::filesystem;

namespace {

struct Photo {
    fs::path path;
    int label = 0;
    std::int64_t pixels = 0;
};

/** Validation photos of both classes spanning the sizes: per class the 3 smallest, the 3 largest
    and 4 from the middle. */
std::vector<Photo> photosOfSeveralSizes(const fs::path& root) {
    std::vector<Photo> photos;
    const std::vector<std::string> classes{"ants", "bees"};
    for (int label = 0; label < 2; ++label) {
        std::vector<Photo> all;
        for (const auto& entry : fs::directory_iterator(root / "val" / classes[label])) {
            if (auto info = imaging::decodeImage(entry.path())) {
                all.push_back(
                    {entry.path(), label, static_cast<std::int64_t>(info->width) * info->height});
            }
        }
        std::sort(all.begin(), all.end(), [](const Photo& a, const Photo& b) {
            return a.pixels != b.pixels ? a.pixels < b.pixels : a.path < b.path;
        });
        const std::size_t n = all.size();
        for (const std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{2}, n / 2 - 2,
                                    n / 2 - 1, n / 2, n / 2 + 1, n - 3, n - 2, n - 1}) {
            photos.push_back(all[i]);
        }
    }
    return photos;
}

data::Dataset datasetOf(const std::vector<Photo>& photos, const fs::path& root) {
    data::Dataset dataset(data::DatasetKind::ImageFolder, root);
    dataset.addClass("ants");
    dataset.addClass("bees");
    for (std::size_t i = 0; i < photos.size(); ++i) {
        data::Sample sample;
        sample.path = photos[i].path;
        sample.label = photos[i].label;
        // Both splits hold every photo: what is validated is what is predicted.
        sample.split = i % 2 == 0 ? data::Split::Train : data::Split::Val;
        dataset.addSample(sample);
    }
    return dataset;
}

/** predict() as it was before it decoded on loader threads: each file decoded and preprocessed
    on this thread, batches of 16 paths without the unreadable ones. The reference predict()'s
    probabilities must equal bit for bit. */
std::vector<training::Prediction> serialPredict(const fs::path& bundle,
                                                const std::vector<fs::path>& paths) {
    auto info = training::readBundleInfo(bundle);
    auto dict = weights::readStateDict(bundle);
    if (!info || !dict) {
        return {};
    }
    training::TrainingConfig config = info->config;
    config.fromScratch = true;
    auto net = training::TransferNet::create(config, static_cast<int>(info->classes.size()));
    if (!net || !net->loadState(*dict)) {
        return {};
    }
    net->train(false);
    // In the bundle's memory format, as BundleClassifier runs it.
    if (config.channelsLast) {
        inference::toChannelsLast(net->stateDict());
    }
    std::vector<training::Prediction> predictions;
    torch::InferenceMode inference;
    for (std::size_t start = 0; start < paths.size(); start += 16) {
        std::vector<torch::Tensor> inputs;
        std::vector<std::size_t> kept;
        for (std::size_t i = start; i < std::min(paths.size(), start + 16); ++i) {
            if (auto image = imaging::decodeImage(paths[i])) {
                inputs.push_back(imaging::preprocessForEval(*image, info->preprocessing));
                kept.push_back(i);
            }
        }
        if (inputs.empty()) {
            continue;
        }
        const torch::Tensor probabilities =
            torch::softmax(net->forward(config.channelsLast ? torch::stack(inputs).contiguous(
                                                                  torch::MemoryFormat::ChannelsLast)
                                                            : torch::stack(inputs)),
                           1)
                .contiguous();
        for (std::size_t k = 0; k < kept.size(); ++k) {
            const torch::Tensor row = probabilities[static_cast<std::int64_t>(k)];
            training::Prediction p;
            p.path = paths[kept[k]];
            p.probabilities.assign(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
            p.predicted = static_cast<int>(row.argmax().item<std::int64_t>());
            predictions.push_back(std::move(p));
        }
    }
    return predictions;
}

} // namespace

class TestPreprocessingPaths : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_CACHE_HOME", m_cacheHome.path().toLocal8Bit());
        // Paths are compared with the serial eager loop bit for bit; that the frozen graph, where
        // it runs, agrees with the modules is tst_fastest_forward's and tst_transfer_net_graph's.
        qputenv("TSTUDIO_FORWARD", "eager");
        const QByteArray shared = qgetenv("TSTUDIO_SHARED");
        if (shared.isEmpty()) {
            QSKIP("TSTUDIO_SHARED is not set: the shared hymenoptera photos are needed");
        }
        m_shared = fs::path(shared.toStdString());
        m_photos = photosOfSeveralSizes(m_shared / "datasets" / "hymenoptera");
        QVERIFY(m_photos.size() >= 10);
        QVERIFY2(m_photos.front().pixels * 4 < m_photos.back().pixels,
                 "the photos should span several sizes");
    }

    void loaderEqualsPredictPreprocessing_data() {
        QTest::addColumn<QString>("arch");
        QTest::newRow("mobilenet_v2, bilinear 256 -> 224") << QStringLiteral("mobilenet_v2");
        QTest::newRow("efficientnet_b0, bicubic") << QStringLiteral("efficientnet_b0");
        QTest::newRow("inception_v3, 342 -> 299") << QStringLiteral("inception_v3");
    }
    void loaderEqualsPredictPreprocessing() {
        QFETCH(QString, arch);
        const auto* info = models::findBackbone(arch.toStdString());
        QVERIFY(info != nullptr);
        const imaging::EvalTransform eval = imaging::EvalTransform::forBackbone(*info);
        const data::Dataset dataset = datasetOf(m_photos, m_shared);
        std::vector<std::size_t> indices(dataset.size());
        for (std::size_t i = 0; i < indices.size(); ++i) {
            indices[i] = i;
        }
        data::DecodedImageCache cache(data::evaluationSource(eval));
        data::LoaderOptions options;
        options.batchSize = 8;
        options.workers = 2;
        options.shuffle = false;
        options.augment = false;
        options.eval = eval;
        // Twice: the second pass reads the decoded images back from the cache.
        for (int pass = 0; pass < 2; ++pass) {
            data::BatchLoader loader(dataset, indices, cache, options);
            loader.startEpoch(pass);
            std::size_t seen = 0;
            while (auto batch = loader.next()) {
                QVERIFY(batch->failures.empty());
                for (std::size_t i = 0; i < batch->samples.size(); ++i) {
                    const fs::path& path = dataset.sample(batch->samples[i]).path;
                    auto image = imaging::decodeImage(path);
                    QVERIFY(image.ok());
                    const torch::Tensor expected = imaging::preprocessForEval(*image, eval);
                    QVERIFY2(
                        torch::equal(batch->images[static_cast<std::int64_t>(i)], expected),
                        (path.filename().string() + ", pass " + std::to_string(pass) +
                         ": max difference " +
                         std::to_string((batch->images[static_cast<std::int64_t>(i)] - expected)
                                            .abs()
                                            .max()
                                            .item<float>()))
                            .c_str());
                    ++seen;
                }
            }
            QCOMPARE(seen, dataset.size());
        }
    }

    void theFastDecodeWouldNotDo() {
        // Why evaluation has its own source: augmentation's reduced-scale decode and OpenCV
        // shrink give other pixels for some of these photos, so a test like the one above fails
        // on any path that evaluates from it.
        const imaging::EvalTransform eval =
            imaging::EvalTransform::forBackbone(*models::findBackbone("mobilenet_v2"));
        data::DecodedImageCache fast(data::augmentationSource(eval));
        const data::Dataset dataset = datasetOf(m_photos, m_shared);
        int differing = 0;
        for (const data::Sample& sample : dataset.samples()) {
            auto decoded = fast.get(sample);
            auto full = imaging::decodeImage(sample.path);
            QVERIFY(decoded.ok() && full.ok());
            const auto crop = imaging::resizeAndCenterCrop(**decoded, eval);
            differing += crop.pixels != imaging::resizeAndCenterCrop(*full, eval).pixels ? 1 : 0;
        }
        QVERIFY2(differing > 0, "the fast decode matched everywhere: this test proves nothing");
    }

    void validationEvaluateAndPredictAgree() {
        const fs::path weights = m_shared / "weights" / "mobilenet_v2_imagenet_dequantized.pth";
        if (!fs::exists(weights)) {
            QSKIP("the shared MobileNetV2 weights are missing");
        }
        QTemporaryDir tmp;
        training::TrainingConfig config = training::recommendedConfig(training::TrainMode::Feature);
        config.arch = "mobilenet_v2";
        config.weights = weights;
        config.epochs = 1;
        config.batchSize = 8;
        config.seed = 5;
        config.outDir = fs::path(tmp.path().toStdString()) / "run";
        const data::Dataset dataset = datasetOf(m_photos, m_shared);
        training::TrainingControl control;
        training::TrainingObserver quiet;
        auto summary = training::train(config, dataset, quiet, control);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());

        auto classifier = training::BundleClassifier::open(summary->bundle);
        QVERIFY(classifier.ok());
        auto evaluated = classifier->evaluate(dataset, data::Split::Val);
        QVERIFY(evaluated.ok());

        std::vector<fs::path> paths;
        std::vector<int> labels;
        for (const data::Sample& sample : dataset.samples()) {
            if (sample.split == data::Split::Val) {
                paths.push_back(sample.path);
                labels.push_back(sample.label);
            }
        }
        std::vector<Error> failed;
        const auto predictions = classifier->predict(paths, failed);
        QVERIFY(failed.empty());
        QCOMPARE(predictions.size(), paths.size());
        double loss = 0.0;
        int correct = 0;
        for (std::size_t i = 0; i < predictions.size(); ++i) {
            const auto& p = predictions[i].probabilities;
            loss -= std::log(static_cast<double>(p[static_cast<std::size_t>(labels[i])]));
            correct += predictions[i].predicted == labels[i] ? 1 : 0;
        }
        loss /= static_cast<double>(predictions.size());
        const double top1 = static_cast<double>(correct) / static_cast<double>(predictions.size());
        QCOMPARE(evaluated->top1, top1);
        QVERIFY2(std::abs(evaluated->loss - loss) < 1e-4,
                 (std::to_string(evaluated->loss) + " vs " + std::to_string(loss)).c_str());
        // predict() decodes on loader threads ahead of the forward pass; what it returns is the
        // serial loop's, bit for bit, an unreadable file in a batch included (21 files: 2 batches).
        const fs::path broken = fs::path(tmp.path().toStdString()) / "broken.jpg";
        std::ofstream(broken) << "not a photo";
        std::vector<fs::path> mixed = paths;
        mixed.insert(mixed.begin() + 3, broken);
        mixed.insert(mixed.end(), paths.begin(), paths.end());
        failed.clear();
        const auto pipelined = classifier->predict(mixed, failed);
        QCOMPARE(failed.size(), std::size_t{1});
        QVERIFY2(failed[0].message.find("broken.jpg") != std::string::npos,
                 failed[0].message.c_str());
        const auto serial = serialPredict(summary->bundle, mixed);
        QCOMPARE(serial.size(), mixed.size() - 1);
        QCOMPARE(pipelined.size(), serial.size());
        for (std::size_t i = 0; i < serial.size(); ++i) {
            QCOMPARE(pipelined[i].path, serial[i].path);
            QCOMPARE(pipelined[i].predicted, serial[i].predicted);
            QVERIFY2(pipelined[i].probabilities == serial[i].probabilities,
                     serial[i].path.filename().c_str());
        }
        // The run's own validation (through the frozen-prefix cache) saw the same pixels.
        const training::EpochMetrics& epoch = summary->history.back();
        QCOMPARE(epoch.valAccuracy, top1);
        QVERIFY2(std::abs(epoch.valLoss - loss) < 1e-4,
                 (std::to_string(epoch.valLoss) + " vs " + std::to_string(loss)).c_str());
    }

private:
    QTemporaryDir m_cacheHome;
    fs::path m_shared;
    std::vector<Photo> m_photos;
};

QTEST_GUILESS_MAIN(TestPreprocessingPaths)
#include "tst_preprocessing_paths.moc"
