// What a run does when it is stopped, paused, or disturbed at an exact point: during
// validation, testing and the frozen-prefix cache; with a non-finite validation loss (a
// non-finite training loss is in tst_trainer); with early stopping in a two-stage run; with
// other threads drawing random numbers. The checks count what the run did; the one about time
// only asks that a long pause is not part of an epoch's seconds.

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

#include <torch/torch.h>

#include "core/training/checkpoint.h"
#include "core/training/model_bundle.h"
#include "core/training/model_tree.h"
#include "core/training/trainer.h"
#include "dataset_fixtures.h"
#include "run_recorder.h"
#include "training_fixtures.h"

using namespace tstudio;
using namespace tstudio::training;
namespace fs = std::filesystem;
using Phase = PhaseProgress::Phase;

namespace {

fs::path dir(const QTemporaryDir& tmp, const char* name) {
    return fs::path(tmp.path().toStdString()) / name;
}

TrainingConfig featureConfig(const fs::path& outDir) {
    TrainingConfig config = test::tinyConfig(outDir);
    config.mode = TrainMode::Feature;
    config.head = *parseHeadSpec("avg,16:relu:0.3");
    config.epochs = 3;
    return config;
}

/**
 * Pauses a run from its own observer callback, then, on another thread, looks at how many
 * reports the run made over a while and lets it go on. Nothing may be reported while paused.
 */
class PauseProbe {
public:
    explicit PauseProbe(TrainingControl& control, test::RunRecorder& recorder)
        : m_control(control), m_recorder(recorder) {}
    ~PauseProbe() {
        if (m_watcher.joinable()) {
            m_watcher.join();
        }
    }
    /** From the observer: pause now (once). */
    void trigger(std::chrono::milliseconds hold) {
        if (m_triggered.exchange(true)) {
            return;
        }
        m_control.pause = true;
        m_atPause = m_recorder.events.load();
        m_watcher = std::thread([this, hold] {
            std::this_thread::sleep_for(hold);
            m_whilePaused = m_recorder.events.load() - m_atPause;
            m_control.pause = false;
        });
    }
    void join() {
        if (m_watcher.joinable()) {
            m_watcher.join();
        }
    }
    bool triggered() const { return m_triggered; }
    int reportsWhilePaused() const { return m_whilePaused; }

private:
    TrainingControl& m_control;
    test::RunRecorder& m_recorder;
    std::atomic_bool m_triggered{false};
    int m_atPause = 0;
    std::atomic<int> m_whilePaused{-1};
    std::thread m_watcher;
};

void compareRuns(const TrainingSummary& a, const TrainingSummary& b) {
    QCOMPARE(a.history.size(), b.history.size());
    for (std::size_t i = 0; i < a.history.size(); ++i) {
        QCOMPARE(a.history[i].epoch, b.history[i].epoch);
        QVERIFY(std::abs(a.history[i].trainLoss - b.history[i].trainLoss) < 1e-6);
        QVERIFY(std::abs(a.history[i].valLoss - b.history[i].valLoss) < 1e-6);
        QCOMPARE(a.history[i].valAccuracy, b.history[i].valAccuracy);
    }
    const auto wa = test::readWeights(a.bundle);
    const auto wb = test::readWeights(b.bundle);
    QCOMPARE(wa.size(), wb.size());
    for (const auto& [name, values] : wa) {
        const auto& other = wb.at(name);
        for (std::size_t i = 0; i < values.size(); ++i) {
            QVERIFY2(std::abs(values[i] - other[i]) <= 1e-6f * (1.0f + std::abs(values[i])),
                     name.c_str());
        }
    }
}

} // namespace

class TestRunControl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("XDG_CACHE_HOME", m_cacheHome.path().toLocal8Bit()); }

    void stopDuringValidationKeepsOnlyCompleteEpochs_data() {
        QTest::addColumn<bool>("cached");
        QTest::newRow("frozen-prefix cache") << true;
        QTest::newRow("image loader") << false;
    }
    void stopDuringValidationKeepsOnlyCompleteEpochs() {
        QFETCH(bool, cached);
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset();
        TrainingConfig config = featureConfig(dir(tmp, "whole"));
        config.frozenPrefixCache = cached;
        test::RunRecorder whole;
        TrainingControl wholeControl;
        auto uninterrupted = train(config, dataset, whole, wholeControl);
        QVERIFY2(uninterrupted.ok(), uninterrupted.ok() ? "" : uninterrupted.message().c_str());

        config.outDir = dir(tmp, "parts");
        TrainingControl control;
        test::RunRecorder first;
        first.onPhase = [&](const PhaseProgress& p) {
            if (p.phase == Phase::Validating && p.epoch == 2) {
                control.stop = true; // after the first validation batch of epoch 2
            }
        };
        auto stopped = train(config, dataset, first, control);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.message().c_str());
        QCOMPARE(stopped->epochsRun, 1);
        QCOMPARE(stopped->history.size(), std::size_t{1});
        QCOMPARE(first.epochs.size(), std::size_t{1});
        QCOMPARE(stopped->stopReason, std::string("stopped by the user"));
        QVERIFY(first.logged("while validating epoch 2"));
        auto info = readBundleInfo(stopped->bundle);
        QVERIFY(info.ok());
        QCOMPARE(info->history.size(), std::size_t{1});
        auto checkpoint = readCheckpoint(checkpointFile(config.outDir));
        QVERIFY2(checkpoint.ok(), checkpoint.ok() ? "" : checkpoint.message().c_str());
        QCOMPARE(checkpoint->state.value(QStringLiteral("stageEpochsDone")).toInt(), 1);
        QCOMPARE(checkpoint->state.value(QStringLiteral("history")).toArray().size(), 1);

        test::RunRecorder second;
        TrainingControl secondControl;
        auto resumed = train(config, dataset, second, secondControl, /*resume=*/true);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.message().c_str());
        QCOMPARE(second.epochs.size(), std::size_t{2});
        compareRuns(*uninterrupted, *resumed);
    }

    void stopDuringTestWritesNoTestResult() {
        QTemporaryDir tmp;
        TrainingConfig config = featureConfig(dir(tmp, "test"));
        config.epochs = 1;
        TrainingControl control;
        test::RunRecorder recorder;
        recorder.onPhase = [&](const PhaseProgress& p) {
            if (p.phase == Phase::Testing) {
                control.stop = true;
            }
        };
        auto summary = train(config, test::colourDataset(8, 4, 8), recorder, control);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QVERIFY(!summary->test.has_value());
        QCOMPARE(summary->stopReason, std::string("stopped by the user"));
        auto info = readBundleInfo(summary->bundle);
        QVERIFY(info.ok());
        QVERIFY(!info->test.has_value());
    }

    void pauseHolds_data() {
        QTest::addColumn<int>("phase"); // -1: a training batch
        QTest::newRow("frozen-prefix cache") << static_cast<int>(Phase::Caching);
        QTest::newRow("validation") << static_cast<int>(Phase::Validating);
        QTest::newRow("training batches") << -1;
    }
    void pauseHolds() {
        QFETCH(int, phase);
        QTemporaryDir tmp;
        TrainingConfig config = featureConfig(dir(tmp, "pause"));
        config.batchSize = 4; // several batches in every phase
        config.epochs = 2;
        TrainingControl control;
        test::RunRecorder recorder;
        PauseProbe probe(control, recorder);
        const auto hold = std::chrono::milliseconds(1500);
        recorder.onPhase = [&](const PhaseProgress& p) {
            if (static_cast<int>(p.phase) == phase && (p.epoch == 0 || p.epoch == 1)) {
                probe.trigger(hold);
            }
        };
        recorder.onBatch = [&](const BatchProgress&) {
            if (phase == -1) {
                probe.trigger(hold);
            }
        };
        auto summary = train(config, test::colourDataset(), recorder, control);
        probe.join();
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QVERIFY(probe.triggered());
        QCOMPARE(probe.reportsWhilePaused(), 0);
        QCOMPARE(summary->epochsRun, 2);
        if (phase != static_cast<int>(Phase::Caching)) {
            // Paused time is not part of the epoch's time or its speed: a cached feature-mode
            // epoch of 24 images takes a small fraction of the pause.
            QVERIFY2(recorder.epochs[0].seconds < 0.5 * 1.5,
                     std::to_string(recorder.epochs[0].seconds).c_str());
        }
    }

    void earlyStoppingEndsTheStageNotTheRun() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "two"));
        config.mode = TrainMode::TwoStage;
        config.twoStage.headEpochs = 4;
        config.epochs = 3;
        config.optimizer.lr = 0.0; // stage 1 cannot improve after its first epoch
        config.twoStage.stage2Lr = 1e-3;
        config.schedule.kind = ScheduleKind::Constant;
        config.earlyStopping.patience = 1;
        config.earlyStopping.metric = EarlyStopping::Metric::ValAccuracy;
        test::RunRecorder recorder;
        TrainingControl control;
        auto summary = train(config, test::colourDataset(), recorder, control);
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        int stage1 = 0, stage2 = 0;
        for (const EpochMetrics& m : summary->history) {
            (m.stage == 1 ? stage1 : stage2) += 1;
        }
        QCOMPARE(stage1, 2);
        // Stage 2 counts its own patience: its first epoch is never compared with stage 1's.
        QVERIFY2(stage2 >= 2, std::to_string(stage2).c_str());
        QVERIFY(recorder.logged("stage 2 follows"));
        QVERIFY(fs::exists(summary->bundle));
    }

    void nonFiniteValidationLossFails() {
        QTemporaryDir tmp;
        TrainingConfig config = test::tinyConfig(dir(tmp, "valnan"));
        config.epochs = 2;
        config.optimizer.kind = OptimizerKind::SGD;
        config.optimizer.lr = 1e36; // the one step of epoch 1 is applied, then nothing is finite
        config.schedule.kind = ScheduleKind::Constant;
        test::RunRecorder recorder;
        TrainingControl control;
        // 6 training images, batch 8: one step per epoch, whose loss comes before the step.
        auto summary = train(config, test::colourDataset(2, 4), recorder, control);
        QVERIFY(!summary.ok());
        QCOMPARE(summary.errorKind(), ErrorKind::NotFinite);
        QVERIFY2(summary.message().find("validation loss") != std::string::npos,
                 summary.message().c_str());
        QVERIFY(recorder.epochs.empty());
    }

    void seededRunIgnoresOtherThreadsDrawing() {
        QTemporaryDir tmp;
        const data::Dataset dataset = test::colourDataset();
        TrainingConfig config = test::tinyConfig(dir(tmp, "quiet"));
        config.head = *parseHeadSpec("avg,16:relu:0.3"); // dropout draws every step
        test::RunRecorder quietRecorder;
        TrainingControl quietControl;
        auto quiet = train(config, dataset, quietRecorder, quietControl);
        QVERIFY2(quiet.ok(), quiet.ok() ? "" : quiet.message().c_str());

        // The Model page describes networks (building them draws random weights) while a run
        // starts and trains; and anything may have drawn from torch's generator before.
        torch::rand({1000});
        config.outDir = dir(tmp, "busy");
        std::atomic_bool done{false};
        std::atomic<int> described{0};
        std::thread describer([&] {
            while (!done) {
                if (describeModel(config, 3).ok()) {
                    ++described;
                }
            }
        });
        test::RunRecorder busyRecorder;
        TrainingControl busyControl;
        auto busy = train(config, dataset, busyRecorder, busyControl);
        done = true;
        describer.join();
        QVERIFY2(busy.ok(), busy.ok() ? "" : busy.message().c_str());
        QVERIFY(described > 0);
        compareRuns(*quiet, *busy);
    }

    void featureModeSaysWhatItsSpeedCounts() {
        QTemporaryDir tmp;
        TrainingConfig config = featureConfig(dir(tmp, "speed"));
        config.epochs = 1;
        test::RunRecorder recorder;
        TrainingControl control;
        auto summary = train(config, test::colourDataset(), recorder, control);
        QVERIFY(summary.ok());
        QVERIFY(summary->cachedFeatures);
        QVERIFY(summary->cacheImagesPerSecond > 0.0);
        QVERIFY(recorder.epochs[0].cachedFeatures);
        QVERIFY(recorder.logged("cached features/s"));

        config = test::tinyConfig(dir(tmp, "images"));
        config.epochs = 1;
        test::RunRecorder plain;
        auto images = train(config, test::colourDataset(), plain, control);
        QVERIFY(images.ok());
        QVERIFY(!images->cachedFeatures);
        QCOMPARE(images->cacheImagesPerSecond, 0.0);
        QVERIFY(!plain.epochs[0].cachedFeatures);
    }

private:
    QTemporaryDir m_cacheHome;
};

QTEST_GUILESS_MAIN(TestRunControl)
#include "tst_run_control.moc"
