// trainOnLocalProcesses, the window's data-parallel run: this test program is rank 0 and starts
// itself as the helper ranks (its main() hands them to runHelperRank, as the window's does). The
// run equals one process with the whole batch; a stop ends every rank; a helper that fails is
// named with what it said; what cannot be started says why.

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <thread>

#include <unistd.h>

#include "core/data/dataset_opener.h"
#include "core/data/demo_dataset.h"
#include "core/distributed/helper_ranks.h"
#include "core/training/local_data_parallel.h"
#include "run_recorder.h"
#include "training_fixtures.h"

using namespace tstudio;
using namespace tstudio::training;
namespace fs = std::filesystem;

namespace {

TrainingConfig featureConfig(const fs::path& outDir, int batch) {
    return test::dataParallelFeatureConfig(outDir, batch, /*epochs=*/2);
}

/** This test program, which serves as the helpers' program too. */
LocalProcesses twoProcesses() {
    LocalProcesses local;
    local.processes = 2;
    local.program = QCoreApplication::applicationFilePath().toStdString();
    local.timeout = std::chrono::seconds(60);
    return local;
}

/** This process's children that run a helper rank. */
std::vector<int> helperPids() {
    std::vector<int> pids;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream stat(entry.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        // "pid (comm) state ppid ...": the parent follows the closing parenthesis.
        const std::size_t close = text.rfind(')');
        int parent = 0;
        char state = 0;
        if (close == std::string::npos ||
            std::sscanf(text.c_str() + close + 1, " %c %d", &state, &parent) != 2 ||
            parent != ::getpid()) {
            continue;
        }
        std::ifstream cmdline(entry.path() / "cmdline");
        std::string arguments((std::istreambuf_iterator<char>(cmdline)),
                              std::istreambuf_iterator<char>());
        if (arguments.find(kHelperRankArgument) != std::string::npos) {
            pids.push_back(std::stoi(name));
        }
    }
    return pids;
}

int countEntries(const fs::path& dir, const std::string& prefix) {
    int n = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        n += entry.path().filename().string().rfind(prefix, 0) == 0 ? 1 : 0;
    }
    return n;
}

} // namespace

class TestLocalDataParallel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        qputenv("XDG_CACHE_HOME", m_cacheHome.path().toLocal8Bit());
        // The job folders go here, so the test can see that none is left behind.
        qputenv("TMPDIR", m_jobs.path().toLocal8Bit());
        data::DemoDatasetOptions options;
        options.trainPerClass = 4;
        options.valPerClass = 2;
        options.imageSize = 40;
        const fs::path root = fs::path(m_tmp.path().toStdString()) / "shapes";
        QVERIFY(data::generateDemoDataset(root, options).ok());
        auto dataset = data::openDataset(root);
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.message().c_str());
        m_dataset = std::move(*dataset);
    }

    void twoProcessesWithHalfTheBatchEqualOneProcess() {
        const fs::path root = m_tmp.path().toStdString();
        test::RunRecorder single;
        TrainingControl control;
        auto one = train(featureConfig(root / "one", 8), m_dataset, single, control);
        QVERIFY2(one.ok(), one.ok() ? "" : one.message().c_str());

        test::RunRecorder recorder;
        auto two = trainOnLocalProcesses(featureConfig(root / "two", 4), m_dataset, recorder,
                                         control, twoProcesses());
        QVERIFY2(two.ok(), two.ok() ? "" : two.message().c_str());
        QVERIFY(recorder.logged("Starting 1 helper process on this machine"));
        QVERIFY(recorder.logged("Data parallel: rank 0 of 2, batch 4 per process"));
        QVERIFY(recorder.logged("the weights are identical on all 2 processes"));
        QVERIFY(!recorder.logged("After the run:")); // the helper ended well
        QCOMPARE(two->history.size(), one->history.size());
        for (std::size_t i = 0; i < one->history.size(); ++i) {
            QVERIFY(std::abs(two->history[i].trainLoss - one->history[i].trainLoss) <= 1e-5);
            QVERIFY(std::abs(two->history[i].valLoss - one->history[i].valLoss) <= 1e-5);
            QCOMPARE(two->history[i].valAccuracy, one->history[i].valAccuracy);
        }
        QCOMPARE(two->bundle, root / "two" / "model.tsmodel");
        QVERIFY(fs::exists(two->bundle));
        QCOMPARE(countEntries(m_jobs.path().toStdString(), "tstudio-ranks-"), 0);
    }

    void aStopEndsEveryRank() {
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "stop";
        test::RunRecorder recorder;
        TrainingControl control;
        recorder.onEpoch = [&](const EpochMetrics& m) {
            if (m.epoch == 1) {
                control.stop = true;
            }
        };
        auto summary = trainOnLocalProcesses(featureConfig(out, 4), m_dataset, recorder, control,
                                             twoProcesses());
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.message().c_str());
        QCOMPARE(summary->epochsRun, 1);
        QCOMPARE(summary->stopReason, std::string("stopped by the user"));
        QVERIFY(!recorder.logged("After the run:"));
    }

    void aHelperThatFailsIsNamedWithWhatItSaid() {
        // A "program" that fails at once as a rank could (wrong library, bad file): rank 0 stops
        // waiting for it at the rendezvous as soon as it has ended, and says what it said.
        LocalProcesses local = twoProcesses();
        local.program =
            shellScript("failing-helper.sh",
                        "echo 'starting'\necho 'Cannot read the weights: boom' >&2\nexit 3\n");
        local.timeout = std::chrono::seconds(60);
        test::RunRecorder recorder;
        TrainingControl control;
        const auto start = std::chrono::steady_clock::now();
        auto summary = trainOnLocalProcesses(
            featureConfig(fs::path(m_tmp.path().toStdString()) / "failing", 4), m_dataset, recorder,
            control, local);
        QVERIFY(!summary.ok());
        QVERIFY2(summary.message().find("rank 1 exited with status 3: Cannot read the weights: "
                                        "boom") != std::string::npos,
                 summary.message().c_str());
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
        QCOMPARE(countEntries(m_jobs.path().toStdString(), "tstudio-ranks-"), 0);
    }

    void aStopWhileWaitingForTheHelpersEndsAtOnce() {
        // A helper that never arrives (it sleeps): Stop must not wait for the rendezvous timeout.
        LocalProcesses local = twoProcesses();
        local.program = shellScript("slow-helper.sh", "exec sleep 60\n");
        test::RunRecorder recorder;
        TrainingControl control;
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            control.stop = true;
        });
        const auto start = std::chrono::steady_clock::now();
        auto summary = trainOnLocalProcesses(
            featureConfig(fs::path(m_tmp.path().toStdString()) / "waiting", 4), m_dataset, recorder,
            control, local);
        stopper.join();
        QVERIFY(!summary.ok());
        QCOMPARE(summary.message(), std::string("stopped"));
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(15));
        QVERIFY(helperPids().empty()); // the sleeping helper was stopped
    }

    void aHelperKilledMidRunEndsTheRunWithItsName() {
        const fs::path out = fs::path(m_tmp.path().toStdString()) / "killed";
        test::RunRecorder recorder;
        TrainingControl control;
        int killed = 0;
        recorder.onEpoch = [&](const EpochMetrics& m) {
            if (m.epoch == 1) {
                for (const int pid : helperPids()) {
                    killed += ::kill(pid, SIGKILL) == 0 ? 1 : 0;
                }
            }
        };
        TrainingConfig config = featureConfig(out, 4);
        config.epochs = 50;
        const auto start = std::chrono::steady_clock::now();
        auto summary = trainOnLocalProcesses(config, m_dataset, recorder, control, twoProcesses());
        QCOMPARE(killed, 1);
        QVERIFY(!summary.ok());
        QVERIFY2(summary.message().find("lost the other processes") != std::string::npos,
                 summary.message().c_str());
        QVERIFY2(summary.message().find("rank 1 was ended by signal 9") != std::string::npos,
                 summary.message().c_str());
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(50));
        QVERIFY(!fs::exists(out / "model.tsmodel"));
    }

    void whatCannotStartSaysWhy() {
        test::RunRecorder recorder;
        TrainingControl control;
        LocalProcesses local = twoProcesses();
        local.program = "/no/such/program";
        auto missing = trainOnLocalProcesses(featureConfig(m_tmp.path().toStdString(), 4),
                                             m_dataset, recorder, control, local);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.message().find("/no/such/program is not an executable program") !=
                     std::string::npos,
                 missing.message().c_str());
        // Pixels that exist only in this process cannot reach another one.
        auto inMemory =
            trainOnLocalProcesses(featureConfig(m_tmp.path().toStdString(), 4),
                                  test::colourDataset(), recorder, control, twoProcesses());
        QVERIFY(!inMemory.ok());
        QVERIFY2(inMemory.message().find("exist only in memory") != std::string::npos,
                 inMemory.message().c_str());
    }

    void lastLineOfAHelpersLog() {
        const fs::path log = fs::path(m_tmp.path().toStdString()) / "rank-1.log";
        {
            std::ofstream out(log);
            out << "first\nepoch 1/3 batch 1\repoch 1/3 batch 2\r\nfailed: out of memory\n\n";
        }
        QCOMPARE(distributed::lastLineOf(log), std::string("failed: out of memory"));
        {
            std::ofstream out(log);
            out << "epoch 1/3 batch 1\repoch 1/3 batch 2";
        }
        QCOMPARE(distributed::lastLineOf(log), std::string("epoch 1/3 batch 2"));
        QCOMPARE(distributed::lastLineOf(log.parent_path() / "none.log"), std::string());
    }

private:
    /** An executable /bin/sh script in the test's folder that stands in for a helper rank. */
    fs::path shellScript(const std::string& name, const std::string& body) const {
        const fs::path script = fs::path(m_tmp.path().toStdString()) / name;
        std::ofstream(script) << "#!/bin/sh\n" << body;
        fs::permissions(script, fs::perms::owner_all);
        return script;
    }

    QTemporaryDir m_cacheHome;
    QTemporaryDir m_tmp;
    QTemporaryDir m_jobs;
    data::Dataset m_dataset;
};

// The helpers are this program started again with training::kHelperRankArgument.
int main(int argc, char** argv) {
    if (const auto job = training::helperRankJob(argc, argv)) {
        return training::runHelperRank(*job);
    }
    QCoreApplication app(argc, argv);
    TestLocalDataParallel test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_local_data_parallel.moc"
