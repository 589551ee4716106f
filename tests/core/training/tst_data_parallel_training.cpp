// trainDataParallel with two ranks in two threads on 127.0.0.1, against train() in one process:
// the same run with half the batch per rank, one bundle, identical weights on both ranks, a stop
// on one rank that ends both at the same step, a rank that fails, and a resume with another
// number of processes.

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <thread>

#include "core/data/dataset_opener.h"
#include "core/data/demo_dataset.h"
#include "core/distributed/free_port.h"
#include "core/distributed/process_group.h"
#include "core/training/data_parallel.h"
#include "core/training/data_parallel_training.h"
#include "dataset_fixtures.h"
#include "run_recorder.h"
#include "training_fixtures.h"

using namespace tstudio;
using namespace tstudio::training;
namespace fs = std::filesystem;

namespace {

using Recorder = test::RunRecorder;

struct RankRun {
    Recorder recorder;
    TrainingControl control;
    std::optional<Result<TrainingSummary>> summary;
};

/** world ranks, each in its own thread, training configFor(rank) with its own observer. */
std::vector<std::unique_ptr<RankRun>>
runRanks(int world, const std::function<TrainingConfig(int)>& configFor,
         const data::Dataset& dataset, bool resume = false,
         std::chrono::milliseconds timeout = std::chrono::seconds(60),
         const std::function<void(int, RankRun&)>& prepare = {}) {
    std::vector<std::unique_ptr<RankRun>> runs;
    for (int r = 0; r < world; ++r) {
        runs.push_back(std::make_unique<RankRun>());
        if (prepare) {
            prepare(r, *runs.back());
        }
    }
    const auto port = distributed::freeLocalPort();
    std::vector<std::thread> threads;
    for (int r = 0; r < world; ++r) {
        threads.emplace_back([&, r] {
            RankRun& run = *runs[static_cast<std::size_t>(r)];
            distributed::ProcessGroupConfig group;
            group.rank = r;
            group.localRank = r;
            group.worldSize = world;
            group.masterPort = port.ok() ? *port : 29500;
            group.timeout = timeout;
            auto joined = distributed::ProcessGroup::join(group);
            if (!joined) {
                run.summary = Result<TrainingSummary>(joined.error());
                return;
            }
            const TrainingConfig config = configFor(r);
            run.summary =
                trainDataParallel(config, dataset, run.recorder, run.control, **joined, resume);
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    return runs;
}

TrainingConfig featureConfig(const fs::path& outDir, int batch) {
    return test::dataParallelFeatureConfig(outDir, batch, /*epochs=*/3);
}

const char* messageOf(const std::optional<Result<TrainingSummary>>& summary) {
    return !summary ? "no result" : summary->ok() ? "" : summary->message().c_str();
}

// Float rounding only: a rank's mean loss over B images, averaged over 2 ranks, sums the same
// float32 terms as one mean over 2B in another order (relative differences near 1e-7 per step),
// and Adam's normalisation keeps them that small over the run's 9 steps. Real differences are far
// larger: splitting the epoch wrongly (every rank on the whole order) moved the mean train loss
// by 8e-4, not averaging the gradients made the ranks' weights differ and the run fail.
constexpr double kLossTolerance = 1e-5;
constexpr float kWeightTolerance = 1e-4f;

void compareHistories(const std::vector<EpochMetrics>& a, const std::vector<EpochMetrics>& b) {
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QVERIFY2(
            std::abs(a[i].trainLoss - b[i].trainLoss) <= kLossTolerance,
            (std::to_string(a[i].trainLoss) + " vs " + std::to_string(b[i].trainLoss)).c_str());
        QVERIFY2(std::abs(a[i].valLoss - b[i].valLoss) <= kLossTolerance,
                 (std::to_string(a[i].valLoss) + " vs " + std::to_string(b[i].valLoss)).c_str());
        QCOMPARE(a[i].trainAccuracy, b[i].trainAccuracy);
        QCOMPARE(a[i].valAccuracy, b[i].valAccuracy);
        QCOMPARE(a[i].learningRate, b[i].learningRate);
    }
}

void compareWeights(const fs::path& a, const fs::path& b) {
    const auto wa = test::readWeights(a);
    const auto wb = test::readWeights(b);
    QVERIFY(!wa.empty());
    QCOMPARE(wa.size(), wb.size());
    for (const auto& [name, values] : wa) {
        const auto& other = wb.at(name);
        QCOMPARE(values.size(), other.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (std::abs(values[i] - other[i]) > kWeightTolerance * (1.0f + std::abs(values[i]))) {
                QFAIL((name + " differs at " + std::to_string(i)).c_str());
            }
        }
    }
}

int countFiles(const fs::path& dir, const std::string& name) {
    int n = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        n += entry.path().filename() == name ? 1 : 0;
    }
    return n;
}

} // namespace

class TestDataParallelTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_CACHE_HOME", m_cacheHome.path().toLocal8Bit());
        const fs::path root = m_tmp.path().toStdString();
        Recorder recorder;
        TrainingControl control;
        m_single = std::make_unique<Result<TrainingSummary>>(
            train(featureConfig(root / "single", 8), m_dataset, recorder, control));
        QVERIFY2(m_single->ok(), m_single->ok() ? "" : m_single->message().c_str());
        QVERIFY(recorder.logged("Frozen-prefix cache: used"));
    }

    void twoRanksWithHalfTheBatchEqualOneProcess() {
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "two";
        auto runs = runRanks(
            2, [&](int) { return featureConfig(out, 4); }, m_dataset);
        for (const auto& run : runs) {
            QVERIFY2(run->summary && run->summary->ok(), messageOf(run->summary));
        }
        const TrainingSummary& main = **runs[0]->summary;
        const TrainingSummary& other = **runs[1]->summary;
        compareHistories((*m_single)->history, main.history);
        compareWeights((*m_single)->bundle, main.bundle);
        // Both ranks saw the same reduced metrics, so they took the same decisions.
        compareHistories(main.history, other.history);
        QCOMPARE(other.bestEpoch, main.bestEpoch);
        QVERIFY(runs[0]->recorder.logged("Data parallel: rank 0 of 2, batch 4 per process"));
        // Each rank computed half of the frozen features; both trained on all of them.
        QVERIFY(runs[0]->recorder.logged("shared out between the 2 processes"));
        QVERIFY(runs[1]->recorder.logged("shared out between the 2 processes"));
        QVERIFY(runs[0]->recorder.logged("the weights are identical on all 2 processes"));
        QVERIFY(runs[1]->recorder.logged("the weights are identical on all 2 processes"));
        // Only rank 0 writes.
        QCOMPARE(main.bundle, out / "model.tsmodel");
        QVERIFY(other.bundle.empty());
        QCOMPARE(countFiles(out, "model.tsmodel"), 1);
        QCOMPARE(countFiles(out, "checkpoint.pt"), 1);
        QVERIFY(!runs[1]->recorder.logged("Model bundle written"));
        // Progress speaks of the whole sets (24 training + 12 validation images), not of rank
        // 0's share of them.
        std::int64_t cachingTotal = 0, validatingTotal = 0;
        for (const PhaseProgress& p : runs[0]->recorder.phases) {
            QVERIFY(p.done <= p.total);
            (p.phase == PhaseProgress::Phase::Caching ? cachingTotal : validatingTotal) = p.total;
        }
        QCOMPARE(cachingTotal, std::int64_t{36});
        QCOMPARE(validatingTotal, std::int64_t{12});
        QCOMPARE(runs[0]->recorder.phases.back().done, std::int64_t{12});
    }

    void aStopOnOneRankEndsBothAtTheSameStep() {
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "stop";
        auto runs = runRanks(
            2, [&](int) { return featureConfig(out, 4); }, m_dataset, false,
            std::chrono::seconds(60),
            [](int rank, RankRun& run) {
                if (rank == 1) {
                    run.recorder.onEpoch = [&run](const EpochMetrics& m) {
                        if (m.epoch == 1) {
                            run.control.stop = true; // only rank 1 is asked
                        }
                    };
                }
            });
        for (const auto& run : runs) {
            QVERIFY2(run->summary && run->summary->ok(), messageOf(run->summary));
            QCOMPARE((*run->summary)->epochsRun, 1);
            QCOMPARE((*run->summary)->stopReason, std::string("stopped by the user"));
        }
        QVERIFY(fs::exists(out / "model.tsmodel"));
    }

    void aFailingRankEndsTheOtherWithAMessage() {
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "failing";
        const auto start = std::chrono::steady_clock::now();
        auto runs = runRanks(
            2,
            [&](int rank) {
                TrainingConfig config = featureConfig(out, 4);
                if (rank == 1) {
                    config.arch = "no_such_net"; // fails before its first collective
                }
                return config;
            },
            m_dataset, false, std::chrono::seconds(5));
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY(runs[1]->summary && !runs[1]->summary->ok());
        QVERIFY(runs[0]->summary && !runs[0]->summary->ok());
        const std::string message = runs[0]->summary->message();
        QVERIFY2(message.find("rank 0 of 2 lost the other processes") != std::string::npos,
                 message.c_str());
        QVERIFY2(seconds < 30.0, std::to_string(seconds).c_str());
        QVERIFY(!fs::exists(out / "model.tsmodel"));
    }

    void aFineTuneWithBatchNormEndsWithTheSameModelOnEveryRank() {
        // Every rank's batch norms see only its part of the batch; at each epoch's end their
        // running statistics become the mean over the ranks, else the final weight check (and
        // the validation metrics) would differ between ranks.
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "finetune";
        auto runs = runRanks(
            2,
            [&](int) {
                TrainingConfig config = test::tinyConfig(out); // fine-tunes MobileNetV3's BNs
                config.epochs = 1;
                config.batchSize = 4;
                return config;
            },
            m_dataset);
        for (const auto& run : runs) {
            QVERIFY2(run->summary && run->summary->ok(), messageOf(run->summary));
        }
        QCOMPARE((*runs[0]->summary)->history[0].valLoss, (*runs[1]->summary)->history[0].valLoss);
        QVERIFY(runs[0]->recorder.logged("the weights are identical on all 2 processes"));
    }

    void aRankWhoseWholeBatchFailsToDecodeStillTakesTheStep() {
        // Half the training photos are damaged, batches of 2 per rank: some batch of one rank
        // decodes nothing while the other's does. Skipping it would leave that rank a step short
        // and pair the ranks' collectives wrongly; it takes part with a zero gradient instead.
        const fs::path root = fs::path(m_tmp.path().toStdString()) / "damaged";
        data::DemoDatasetOptions options;
        options.trainPerClass = 4;
        options.valPerClass = 2;
        options.imageSize = 40;
        QVERIFY(data::generateDemoDataset(root, options).ok());
        std::vector<fs::path> photos;
        for (const auto& entry : fs::recursive_directory_iterator(root / "train")) {
            if (entry.is_regular_file()) {
                photos.push_back(entry.path());
            }
        }
        std::sort(photos.begin(), photos.end());
        for (std::size_t i = 0; i < photos.size(); i += 2) {
            std::ofstream(photos[i], std::ios::trunc) << "not a photo";
        }
        auto dataset = data::openDataset(root);
        QVERIFY(dataset.ok());
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "damaged-run";
        auto runs = runRanks(
            2,
            [&](int) {
                TrainingConfig config = featureConfig(out, 2);
                config.frozenPrefixCache = false; // through the loader, batch by batch
                return config;
            },
            *dataset, false, std::chrono::seconds(20));
        for (const auto& run : runs) {
            QVERIFY2(run->summary && run->summary->ok(), messageOf(run->summary));
        }
        QVERIFY(runs[0]->recorder.logged("Skipped: "));
        QVERIFY(runs[0]->recorder.logged("the weights are identical on all 2 processes"));
    }

    void theWeightCheckIsExact() {
        // Equal weights pass, whatever their memory layout; one float a unit in the last place
        // apart on one rank fails. (The check hashes bytes serially: a LibTorch sum, split between
        // threads, rounded identical weights differently on ranks with different thread counts.)
        const auto port = distributed::freeLocalPort();
        QVERIFY(port.ok());
        std::vector<Status> same(2, success()), differ(2, success());
        std::vector<std::thread> threads;
        for (int r = 0; r < 2; ++r) {
            threads.emplace_back([&, r] {
                distributed::ProcessGroupConfig config;
                config.rank = r;
                config.localRank = r;
                config.worldSize = 2;
                config.masterPort = *port;
                config.timeout = std::chrono::seconds(30);
                auto group = distributed::ProcessGroup::join(config);
                if (!group) {
                    same[r] = differ[r] = group.error();
                    return;
                }
                DataParallel parallel(group->get());
                torch::Tensor weights = torch::linspace(-1, 1, 70000).reshape({10, 7, 10, 100});
                const torch::Tensor layout =
                    r == 0 ? weights : weights.contiguous(torch::MemoryFormat::ChannelsLast);
                same[r] = parallel.checkIdentical({layout, torch::ones({3})});
                torch::Tensor nudged = weights.clone();
                if (r == 1) {
                    float* value = nudged.data_ptr<float>() + 12345;
                    *value = std::nextafter(*value, 2.0f);
                }
                differ[r] = parallel.checkIdentical({nudged, torch::ones({3})});
            });
        }
        for (std::thread& t : threads) {
            t.join();
        }
        for (int r = 0; r < 2; ++r) {
            QVERIFY2(same[r].ok(), same[r].ok() ? "" : same[r].message().c_str());
            QVERIFY(!differ[r].ok());
        }
        QVERIFY2(differ[0].message().find("the weights of rank(s) 1 differ") != std::string::npos,
                 differ[0].message().c_str());
    }

    void resumesWithAnotherNumberOfProcesses() {
        // One process with batch 8 stops after epoch 1; two ranks with batch 4 each (the same 8
        // per step) finish the run, as the uninterrupted single process did.
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "resume";
        Recorder first;
        TrainingControl control;
        first.onEpoch = [&](const EpochMetrics& m) {
            if (m.epoch == 1) {
                control.stop = true; // takes effect in epoch 2, which is then not counted
            }
        };
        auto stopped = train(featureConfig(out, 8), m_dataset, first, control);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.message().c_str());
        QCOMPARE(stopped->epochsRun, 1);
        auto runs = runRanks(
            2, [&](int) { return featureConfig(out, 4); }, m_dataset, /*resume=*/true);
        for (const auto& run : runs) {
            QVERIFY2(run->summary && run->summary->ok(), messageOf(run->summary));
            QVERIFY(run->recorder.logged("Resuming from"));
        }
        compareHistories((*m_single)->history, (*runs[0]->summary)->history);
        compareWeights((*m_single)->bundle, (*runs[0]->summary)->bundle);

        // Another batch per step is another run: refused, with what to give instead.
        auto other = runRanks(
            2, [&](int) { return featureConfig(out, 8); }, m_dataset, /*resume=*/true);
        QVERIFY(other[0]->summary && !other[0]->summary->ok());
        QVERIFY2(other[0]->summary->message().find("the batch size times the processes") !=
                     std::string::npos,
                 messageOf(other[0]->summary));
    }

private:
    QTemporaryDir m_cacheHome;
    QTemporaryDir m_tmp;
    const data::Dataset m_dataset = test::colourDataset();
    std::unique_ptr<Result<TrainingSummary>> m_single;
};

QTEST_GUILESS_MAIN(TestDataParallelTraining)
#include "tst_data_parallel_training.moc"
