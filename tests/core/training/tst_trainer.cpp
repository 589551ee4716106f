// train() end to end on a tiny in-memory dataset: modes, freezing as described, the frozen-prefix
// cache, reproducibility, resume, early stopping, NaN, cancel, and the model bundle. Stopping and
// pausing at exact points are in tst_run_control.

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <numeric>

#include <torch/torch.h>

#include "core/training/bundle_writer.h"
#include "core/training/checkpoint.h"
#include "core/training/model_bundle.h"
#include "core/training/model_tree.h"
#include "core/training/trainer.h"
#include "core/training/transfer_net.h"
#include "dataset_fixtures.h"
#include "run_recorder.h"
#include "training_fixtures.h"

using namespace tstudio;
using namespace tstudio::training;
namespace fs = std::filesystem;

namespace {

using Recorder = test::RunRecorder;

Result<TrainingSummary> run(const TrainingConfig& config, const data::Dataset& dataset,
                            Recorder& recorder, bool resume = false) {
    TrainingControl control;
    return train(config, dataset, recorder, control, resume);
}

fs::path dir(const QTemporaryDir& tmp, const char* name) {
    return fs::path(tmp.path().toStdString()) / name;
}

void compareWeights(const fs::path& a, const fs::path& b, float tolerance) {
    const auto wa = test::readWeights(a);
    const auto wb = test::readWeights(b);
    QVERIFY(!wa.empty());
    QCOMPARE(wa.size(), wb.size());
    for (const auto& [name, values] : wa) {
        const auto& other = wb.at(name);
        QCOMPARE(values.size(), other.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (std::abs(values[i] - other[i]) > tolerance * (1.0f + std::abs(values[i]))) {
                QFAIL((name + " differs at " + std::to_string(i) + ": " +
                       std::to_string(values[i]) + " vs " + std::to_string(other[i]))
                          .c_str());
            }
        }
    }
}

void compareHistories(const std::vector<EpochMetrics>& a, const std::vector<EpochMetrics>& b,
                      double tolerance) {
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QVERIFY2(
            std::abs(a[i].trainLoss - b[i].trainLoss) <= tolerance,
            (std::to_string(a[i].trainLoss) + " vs " + std::to_string(b[i].trainLoss)).c_str());
        QVERIFY(std::abs(a[i].valLoss - b[i].valLoss) <= tolerance);
        QCOMPARE(a[i].valAccuracy, b[i].valAccuracy);
        QCOMPARE(a[i].stage, b[i].stage);
        QCOMPARE(a[i].epoch, b[i].epoch);
    }
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("XDG_CACHE_HOME", m_cacheHome.path().toLocal8Bit()); }

    void featureModeTrainsOnlyTheHeadWithTheCache() {
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset();
        TrainingConfig config = test::tinyConfig(dir(tmp, "feature"));
        config.mode = TrainMode::Feature;
        config.epochs = 3;
        Recorder recorder;
        auto summary = run(config, dataset, recorder);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QCOMPARE(summary->epochsRun, 3);
        QCOMPARE(recorder.epochs.size(), std::size_t{3});
        QVERIFY(recorder.batches >= 3);
        QVERIFY(recorder.logged("Frozen-prefix cache: used"));
        QVERIFY(fs::exists(config.outDir / "run.log"));
        QVERIFY(fs::exists(config.outDir / "checkpoint.pt"));
        QCOMPARE(summary->bundle, config.outDir / "model.tsmodel");

        // What changed is exactly what trainableParameterNames says trains: frozen weights and
        // frozen BatchNorm statistics are those of the freshly built network.
        torch::manual_seed(config.seed);
        auto fresh = TransferNet::create(config, 3);
        QVERIFY(fresh.ok());
        const auto trained = test::readWeights(summary->bundle);
        const auto names = *trainableParameterNames(config, 3);
        for (const auto& [name, tensor] : fresh->stateDict()) {
            const torch::Tensor t = tensor.to(torch::kFloat32).contiguous();
            const std::vector<float> initial(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
            const bool changed = trained.at(name) != initial;
            const bool trains = std::find(names.begin(), names.end(), name) != names.end();
            QVERIFY2(changed == trains, name.c_str());
        }
    }

    void cacheEqualsUncached() {
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset();
        TrainingConfig config = test::tinyConfig(dir(tmp, "cached"));
        config.mode = TrainMode::FineTune;
        config.freeze = *parseFreezeSpec("last:3"); // a prefix of feature blocks is frozen
        config.head = *parseHeadSpec("avg,16:relu");
        Recorder cached;
        auto a = run(config, dataset, cached);
        QVERIFY2(a.ok(), a.ok() ? "" : a.message().c_str());
        QVERIFY(cached.logged("Frozen-prefix cache: used"));
        config.frozenPrefixCache = false;
        config.outDir = dir(tmp, "uncached");
        Recorder uncached;
        auto b = run(config, dataset, uncached);
        QVERIFY(b.ok());
        QVERIFY(!uncached.logged("Frozen-prefix cache: used"));
        compareHistories(a->history, b->history, 1e-4);
        compareWeights(a->bundle, b->bundle, 1e-3f);
    }

    void augmentationTurnsTheCacheOffAndSaysSo() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "aug"));
        config.mode = TrainMode::Feature;
        config.epochs = 1;
        config.augment = true;
        Recorder recorder;
        QVERIFY(run(config, test::colourDataset(), recorder).ok());
        QVERIFY(recorder.logged("not used, because augmentation is on"));
    }

    void seededRunsAreReproducible() {
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset();
        TrainingConfig config = test::tinyConfig(dir(tmp, "a"));
        config.augment = true;
        config.head = *parseHeadSpec("avg,16:relu:0.3");
        Recorder ra, rb;
        auto a = run(config, dataset, ra);
        QVERIFY(a.ok());
        config.outDir = dir(tmp, "b");
        auto b = run(config, dataset, rb);
        QVERIFY(b.ok());
        compareHistories(a->history, b->history, 0.0);
        compareWeights(a->bundle, b->bundle, 0.0f);
    }

    void twoStageRunsBothStages() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "two"));
        config.mode = TrainMode::TwoStage;
        config.twoStage.headEpochs = 1;
        config.epochs = 1;
        config.twoStage.stage2Lr = 1e-3;
        Recorder recorder;
        auto summary = run(config, test::colourDataset(), recorder);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QCOMPARE(summary->history.size(), std::size_t{2});
        QCOMPARE(summary->history[0].stage, 1);
        QCOMPARE(summary->history[1].stage, 2);
        QCOMPARE(summary->history[1].epoch, 2);
        QVERIFY(recorder.logged("Stage 2"));
    }

    void resumeEqualsUninterrupted() {
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset();
        TrainingConfig config = test::tinyConfig(dir(tmp, "whole"));
        config.mode = TrainMode::TwoStage;
        config.twoStage.headEpochs = 1;
        config.epochs = 2;
        config.augment = true;
        config.schedule.kind = ScheduleKind::Plateau;
        Recorder whole;
        auto a = run(config, dataset, whole);
        QVERIFY2(a.ok(), a.ok() ? "" : a.message().c_str());

        config.outDir = dir(tmp, "parts");
        TrainingControl control;
        Recorder first;
        first.onEpoch = [&](const EpochMetrics& m) {
            if (m.epoch == 2) {
                control.stop = true; // takes effect in epoch 3, which is then not counted
            }
        };
        auto stopped = train(config, dataset, first, control);
        QVERIFY(stopped.ok());
        QCOMPARE(stopped->epochsRun, 2);
        QCOMPARE(stopped->stopReason, std::string("stopped by the user"));
        Recorder second;
        auto resumed = run(config, dataset, second, /*resume=*/true);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.message().c_str());
        QVERIFY(second.logged("Resuming"));
        QCOMPARE(second.epochs.size(), std::size_t{1});
        compareHistories(a->history, resumed->history, 1e-6);
        compareWeights(a->bundle, resumed->bundle, 1e-6f);
        // The validation record of the kept epoch survives the checkpoint too.
        const auto wholeInfo = readBundleInfo(a->bundle);
        const auto resumedInfo = readBundleInfo(resumed->bundle);
        QVERIFY(wholeInfo.ok() && resumedInfo.ok());
        QVERIFY(wholeInfo->validation && resumedInfo->validation);
        QCOMPARE(resumedInfo->validation->epoch, wholeInfo->validation->epoch);
        QCOMPARE(resumedInfo->validation->result.confusion,
                 wholeInfo->validation->result.confusion);
    }

    void resumeWithoutCheckpointFails() {
        QTemporaryDir tmp;
        const TrainingConfig config = test::tinyConfig(dir(tmp, "empty"));
        Recorder recorder;
        auto summary = run(config, test::colourDataset(), recorder, /*resume=*/true);
        QVERIFY(!summary.ok());
        QVERIFY2(summary.message().find("Nothing to resume") != std::string::npos,
                 summary.message().c_str());
        QVERIFY(recorder.epochs.empty());
        QVERIFY(!fs::exists(config.outDir / "model.tsmodel"));
    }

    void earlyStoppingStops() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "early"));
        config.epochs = 5;
        config.optimizer.lr = 0.0; // nothing improves after the first epoch
        config.schedule.kind = ScheduleKind::Constant;
        config.earlyStopping.patience = 1;
        config.earlyStopping.metric = EarlyStopping::Metric::ValAccuracy;
        Recorder recorder;
        auto summary = run(config, test::colourDataset(), recorder);
        QVERIFY(summary.ok());
        QCOMPARE(summary->epochsRun, 2);
        QVERIFY(summary->stoppedEarly);
        QCOMPARE(summary->stopReason, std::string("early stopping"));
        QVERIFY(fs::exists(summary->bundle));
    }

    void nanLossStopsAndKeepsTheLastGoodCheckpoint() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "nan"));
        config.epochs = 3;
        config.optimizer.kind = OptimizerKind::SGD;
        config.optimizer.lr = 1e-3;
        // Epoch 1 trains normally; from epoch 2 the rate is absurd and the loss diverges.
        config.schedule.kind = ScheduleKind::Step;
        config.schedule.stepEpochs = 1;
        config.schedule.gamma = 1e33;
        Recorder recorder;
        auto summary = run(config, test::colourDataset(), recorder);
        QVERIFY(!summary.ok());
        QVERIFY2(summary.message().find("diverged") != std::string::npos,
                 summary.message().c_str());
        // Caught at the first batch whose loss is not finite (epoch 2's first step, taken at
        // the absurd rate, is the last one applied), before its own step.
        QVERIFY2(summary.message().find("epoch 2 (batch 2), before that step was applied") !=
                     std::string::npos,
                 summary.message().c_str());
        QCOMPARE(summary.errorKind(), ErrorKind::NotFinite); // the window explains it translated
        QCOMPARE(recorder.epochs.size(), std::size_t{1});
        QVERIFY(fs::exists(config.outDir / "checkpoint.pt"));
        QVERIFY(!fs::exists(config.outDir / "model.tsmodel"));
        // The checkpoint is epoch 1's, with finite weights.
        auto checkpoint = readCheckpoint(config.outDir / "checkpoint.pt");
        QVERIFY(checkpoint.ok());
        QCOMPARE(checkpoint->state.value(QStringLiteral("stageEpochsDone")).toInt(), 1);
        for (const auto& [name, tensor] : checkpoint->model) {
            if (tensor.is_floating_point()) {
                QVERIFY2(torch::isfinite(tensor).all().item<bool>(), name.c_str());
            }
        }
    }

    void stopTakesEffectWithinABatch() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "stop"));
        TrainingControl control;
        Recorder recorder;
        recorder.onBatch = [&](const BatchProgress&) {
            control.stop = true;
        };
        auto summary = train(config, test::colourDataset(), recorder, control);
        QVERIFY(summary.ok());
        QCOMPARE(summary->epochsRun, 0);
        QCOMPARE(summary->stopReason, std::string("stopped by the user"));
        QCOMPARE(recorder.batches, 1);
        QVERIFY(!fs::exists(config.outDir / "model.tsmodel"));
    }

    void badConfigsFailClearly() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "bad"));
        config.arch = "nonet";
        Recorder recorder;
        auto unknown = run(config, test::colourDataset(), recorder);
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.message().find("nonet") != std::string::npos);
        config = test::tinyConfig(dir(tmp, "bad"));
        config.device = "cuda";
        if (!torch::cuda::is_available()) {
            const auto noCuda = run(config, test::colourDataset(), recorder);
            QVERIFY(!noCuda.ok());
            QCOMPARE(noCuda.errorKind(), ErrorKind::DeviceUnavailable);
        }
        config = test::tinyConfig(dir(tmp, "bad"));
        config.fromScratch = false;
        config.weights = fs::path(tmp.path().toStdString()) / "not_weights.pth";
        {
            std::ofstream garbage(config.weights);
            garbage << "this is not a weight file";
        }
        const auto badWeights = run(config, test::colourDataset(), recorder);
        QVERIFY(!badWeights.ok());
        QCOMPARE(badWeights.errorKind(), ErrorKind::BadWeights);
        config = test::tinyConfig(dir(tmp, "bad"));
        config.freeze = *parseFreezeSpec("all");
        auto frozen = run(config, test::colourDataset(), recorder);
        QVERIFY(!frozen.ok());
        QVERIFY(frozen.message().find("Nothing would train") != std::string::npos);
    }

    void bundleRoundTrip() {
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset(8, 4, 3);
        TrainingConfig config = test::tinyConfig(dir(tmp, "bundle"));
        config.head = *parseHeadSpec("max,8:gelu");
        config.epochs = 3;
        Recorder recorder;
        auto summary = run(config, dataset, recorder);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QVERIFY(summary->test.has_value());
        QCOMPARE(summary->test->count, std::int64_t{9});

        auto info = readBundleInfo(summary->bundle);
        QVERIFY2(info.ok(), info.ok() ? "" : info.message().c_str());
        QCOMPARE(info->classes, (std::vector<std::string>{"red", "green", "blue"}));
        QCOMPARE(info->config.arch, config.arch);
        QCOMPARE(formatHeadSpec(info->config.head), std::string("max,8:gelu"));
        QCOMPARE(info->history.size(), std::size_t{3});
        QCOMPARE(info->preprocessing.cropSize, 32);
        QVERIFY(info->test.has_value());
        // The images each split had per class: the test split's are the test result's, and
        // every usable image is in one split.
        QVERIFY(info->imagesPerClass.has_value());
        const auto total = [](const std::vector<std::int64_t>& counts) {
            return std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
        };
        QCOMPARE(info->imagesPerClass->train.size(), std::size_t{3});
        QCOMPARE(total(info->imagesPerClass->test), std::int64_t{9});
        for (std::size_t c = 0; c < 3; ++c) {
            QCOMPARE(info->imagesPerClass->test[c], info->test->perClass[c].support);
        }
        QCOMPARE(total(info->imagesPerClass->train) + total(info->imagesPerClass->val) +
                     total(info->imagesPerClass->test),
                 static_cast<std::int64_t>(dataset.size()));

        auto classifier = BundleClassifier::open(summary->bundle);
        QVERIFY2(classifier.ok(), classifier.ok() ? "" : classifier.message().c_str());
        auto val = classifier->evaluate(dataset, data::Split::Val);
        QVERIFY(val.ok());
        const EpochMetrics& best =
            summary->history[static_cast<std::size_t>(summary->bestEpoch - 1)];
        QCOMPARE(val->count, std::int64_t{12});
        QCOMPARE(val->top1, best.valAccuracy);
        QVERIFY(std::abs(val->loss - best.valLoss) < 1e-4);
        auto test = classifier->evaluate(dataset, data::Split::Test);
        QVERIFY(test.ok());
        QCOMPARE(test->top1, summary->test->top1);

        const fs::path image = dir(tmp, "photo.png");
        test::writeBytes(image, test::pngBytes(40, 30, 3));
        test::writeText(dir(tmp, "broken.png"), "no image");
        std::vector<Error> failed;
        const auto predictions = classifier->predict({image, dir(tmp, "broken.png")}, failed);
        QCOMPARE(predictions.size(), std::size_t{1});
        QCOMPARE(failed.size(), std::size_t{1});
        QCOMPARE(predictions[0].probabilities.size(), std::size_t{3});
        float sum = 0.0f;
        for (float p : predictions[0].probabilities) {
            sum += p;
        }
        QVERIFY(std::abs(sum - 1.0f) < 1e-5f);

        // Not a bundle: a plain weights file, and garbage.
        QVERIFY(!readBundleInfo(dir(tmp, "broken.png")).ok());
        QVERIFY(!BundleClassifier::open(dir(tmp, "missing.tsmodel")).ok());
    }

    /** A run with train and val only: the bundle records the validation result of the epoch
        its weights come from (the best one; the last without keepBest), which is what the
        bundle itself gives on the val split. */
    void bundleRecordsTheValidationOfItsWeights_data() {
        QTest::addColumn<bool>("keepBest");
        QTest::newRow("best epoch") << true;
        QTest::newRow("last epoch") << false;
    }
    void bundleRecordsTheValidationOfItsWeights() {
        QFETCH(bool, keepBest);
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset(8, 4, 0);
        TrainingConfig config = test::tinyConfig(dir(tmp, "val"));
        config.epochs = 3;
        config.keepBest = keepBest;
        Recorder recorder;
        auto summary = run(config, dataset, recorder);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QVERIFY(!summary->test.has_value());

        auto info = readBundleInfo(summary->bundle);
        QVERIFY2(info.ok(), info.ok() ? "" : info.message().c_str());
        QVERIFY(info->validation.has_value());
        const int epoch = keepBest ? summary->bestEpoch : summary->epochsRun;
        QCOMPARE(info->validation->epoch, epoch);
        const EvaluationResult& recorded = info->validation->result;
        QCOMPARE(recorded.top1, info->history[static_cast<std::size_t>(epoch - 1)].valAccuracy);
        QCOMPARE(recorded.confusion.size(), std::size_t{3});
        std::int64_t cells = 0;
        for (std::size_t row = 0; row < 3; ++row) {
            QCOMPARE(recorded.confusion[row].size(), std::size_t{3});
            cells += std::accumulate(recorded.confusion[row].begin(), recorded.confusion[row].end(),
                                     std::int64_t{0});
        }
        QVERIFY(info->imagesPerClass.has_value());
        const std::int64_t valImages = std::accumulate(
            info->imagesPerClass->val.begin(), info->imagesPerClass->val.end(), std::int64_t{0});
        QCOMPARE(valImages, std::int64_t{12});
        QCOMPARE(cells, valImages);
        QCOMPARE(recorded.count, valImages);

        auto classifier = BundleClassifier::open(summary->bundle);
        QVERIFY2(classifier.ok(), classifier.ok() ? "" : classifier.message().c_str());
        auto val = classifier->evaluate(dataset, data::Split::Val);
        QVERIFY2(val.ok(), val.ok() ? "" : val.message().c_str());
        QCOMPARE(val->confusion, recorded.confusion);
        QVERIFY(std::abs(val->loss - recorded.loss) < 1e-4);
    }

    /** Bundles written before runs recorded the validation result still read (as none
        recorded), and so do ones whose record is damaged. */
    void bundleWithoutValidationRecordReads() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "old"));
        config.epochs = 1;
        Recorder recorder;
        auto summary = run(config, test::colourDataset(4, 2, 0), recorder);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        auto info = readBundleInfo(summary->bundle);
        QVERIFY2(info.ok(), info.ok() ? "" : info.message().c_str());
        QVERIFY(info->validation.has_value());
        const QJsonObject json = bundleInfoToJson(*info);
        QVERIFY(json.contains(QStringLiteral("validation")));

        QJsonObject old = json;
        old.remove(QStringLiteral("validation"));
        auto read = bundleInfoFromJson(old);
        QVERIFY2(read.ok(), read.ok() ? "" : read.message().c_str());
        QVERIFY(!read->validation.has_value());
        QVERIFY(read->imagesPerClass.has_value());

        const auto damaged = [&](const char* field, const QJsonValue& value) {
            QJsonObject validation = json.value(QStringLiteral("validation")).toObject();
            validation.insert(QLatin1String(field), value);
            QJsonObject bundle = json;
            bundle.insert(QStringLiteral("validation"), validation);
            return bundleInfoFromJson(bundle);
        };
        for (const auto& [field, value] : std::vector<std::pair<const char*, QJsonValue>>{
                 {"epoch", 2},                                   // not an epoch of the run
                 {"confusion", QJsonArray{QJsonArray{1, 2, 3}}}, // not classes x classes
                 {"count", 999}}) {                              // not the matrix's sum
            auto result = damaged(field, value);
            QVERIFY2(result.ok(), field);
            QVERIFY2(!result->validation.has_value(), field);
        }
        auto intact = bundleInfoFromJson(json);
        QVERIFY(intact.ok() && intact->validation.has_value());
        QCOMPARE(intact->validation->result.confusion, info->validation->result.confusion);
    }

    void lrFinderSuggestsAndChangesNothing() {
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset();
        TrainingConfig config = test::tinyConfig(dir(tmp, "before"));
        config.mode = TrainMode::Feature;
        Recorder before;
        auto a = run(config, dataset, before);
        QVERIFY(a.ok());

        config.outDir = dir(tmp, "lr");
        LrFinderOptions options;
        options.steps = 20;
        options.startLr = 1e-5;
        options.endLr = 1.0;
        TrainingControl control;
        int calls = 0;
        auto found =
            findLearningRate(config, dataset, options, control, [&](int, int) { ++calls; });
        QVERIFY2(found.ok(), found.ok() ? "" : found.message().c_str());
        QVERIFY(found->losses.size() >= 3);
        QCOMPARE(found->losses.size(), found->learningRates.size());
        QCOMPARE(calls, static_cast<int>(found->losses.size()));
        QVERIFY(found->suggestedLr >= options.startLr && found->suggestedLr <= options.endLr);
        QCOMPARE(found->learningRates.front(), options.startLr);
        QVERIFY(!fs::exists(config.outDir)); // nothing written

        // A run after the finder is the run it would have been without it.
        config.outDir = dir(tmp, "after");
        Recorder after;
        auto b = run(config, dataset, after);
        QVERIFY(b.ok());
        compareHistories(a->history, b->history, 0.0);
        compareWeights(a->bundle, b->bundle, 0.0f);
    }

private:
    QTemporaryDir m_cacheHome;
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
