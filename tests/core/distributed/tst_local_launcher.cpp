// launchLocalRanks with /bin/sh as the rank program: torchrun's environment, the cores split
// between the ranks, and one failing rank that stops the others.

#include <QTest>

#include <chrono>

#include <sched.h>

#include "core/distributed/local_launcher.h"

using namespace tstudio;
using namespace tstudio::distributed;

namespace {

LocalLaunch shell(const std::string& script, int processes) {
    LocalLaunch launch;
    launch.program = "/bin/sh";
    launch.arguments = {"-c", script};
    launch.processesPerNode = processes;
    launch.masterPort = 1234;
    return launch;
}

int allowedCores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    return sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 0;
}

} // namespace

class TestLocalLauncher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ranksGetTorchrunsEnvironment() {
        // Node 1 of 2 with 2 processes each: ranks 2 and 3.
        LocalLaunch launch = shell("test \"$WORLD_SIZE\" = 4 && test \"$LOCAL_WORLD_SIZE\" = 2 && "
                                   "test \"$RANK\" = $((2 + LOCAL_RANK)) && "
                                   "test \"$MASTER_ADDR\" = 10.1.2.3 && "
                                   "test \"$MASTER_PORT\" = 1234 || exit 3",
                                   2);
        launch.nodes = 2;
        launch.nodeRank = 1;
        launch.masterAddr = "10.1.2.3";
        auto outcome = launchLocalRanks(launch);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.message().c_str());
        QVERIFY2(outcome->exitCode == 0, outcome->message.c_str());
        QVERIFY(outcome->message.empty());
    }

    void coresAreSplitBetweenTheRanks() {
        const int cores = allowedCores();
        if (cores < 2) {
            QSKIP("needs at least 2 usable cores");
        }
        // Round-robin: rank 0 gets the even positions, rank 1 the odd ones.
        const std::string script = "expected=$(( (" + std::to_string(cores) +
                                   " + 1 - LOCAL_RANK) / 2 )); test \"$(nproc)\" = \"$expected\" "
                                   "|| exit 4";
        auto outcome = launchLocalRanks(shell(script, 2));
        QVERIFY(outcome.ok());
        QVERIFY2(outcome->exitCode == 0, outcome->message.c_str());
    }

    void aFailingRankStopsTheOthers() {
        const auto start = std::chrono::steady_clock::now();
        auto outcome =
            launchLocalRanks(shell("if [ \"$RANK\" = 1 ]; then exit 7; fi; exec sleep 60", 3));
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->exitCode, 7);
        QVERIFY2(outcome->message ==
                     "rank 1 exited with status 7; stopping the other 2 local ranks.",
                 outcome->message.c_str());
        QVERIFY2(seconds < 20.0, std::to_string(seconds).c_str()); // not the sleepers' 60 s
    }

    void aKilledRankIsNamed() {
        auto outcome =
            launchLocalRanks(shell("if [ \"$RANK\" = 0 ]; then kill -9 $$; fi; exec sleep 60", 2));
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->exitCode, 128 + 9);
        QVERIFY2(outcome->message.find("rank 0 was ended by signal 9") == 0,
                 outcome->message.c_str());
    }

    void impossibleLaunchesAreRefused() {
        LocalLaunch launch = shell("exit 0", 2);
        launch.nodes = 2;
        launch.nodeRank = 2;
        auto outcome = launchLocalRanks(launch);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.message().find("does not exist") != std::string::npos,
                 outcome.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestLocalLauncher)
#include "tst_local_launcher.moc"
