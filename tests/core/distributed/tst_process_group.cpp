// ProcessGroupConfig from torchrun's, Kubeflow's and SLURM's environment variables, with the
// errors for values that contradict each other, and DistributedSampler-style sharding.

#include <QTest>

#include <algorithm>
#include <map>

#include "core/distributed/process_group_config.h"
#include "core/distributed/shard.h"

using namespace tstudio;
using namespace tstudio::distributed;

namespace {

EnvironmentLookup environment(std::map<std::string, std::string> values) {
    return [values = std::move(values)](const std::string& name) -> std::optional<std::string> {
        const auto it = values.find(name);
        if (it == values.end()) {
            return std::nullopt;
        }
        return it->second;
    };
}

bool mentions(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

} // namespace

class TestProcessGroup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void torchrunVariables() {
        auto config = processGroupFromEnvironment(environment({{"WORLD_SIZE", "4"},
                                                               {"RANK", "3"},
                                                               {"LOCAL_RANK", "1"},
                                                               {"MASTER_ADDR", "node0"},
                                                               {"MASTER_PORT", "29400"}}));
        QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
        QVERIFY(config->has_value());
        const ProcessGroupConfig& c = **config;
        QCOMPARE(c.worldSize, 4);
        QCOMPARE(c.rank, 3);
        QCOMPARE(c.localRank, 1);
        QCOMPARE(c.masterAddr, std::string("node0"));
        QCOMPARE(c.masterPort, 29400);
        QVERIFY(c.distributed());
        QVERIFY(!c.isMain());
    }

    void kubeflowSetsNoLocalRank() {
        auto config = processGroupFromEnvironment(
            environment({{"WORLD_SIZE", "2"}, {"RANK", "1"}, {"MASTER_ADDR", "job-master-0"}}));
        QVERIFY(config.ok());
        QCOMPARE((*config)->localRank, 0);
        QCOMPARE((*config)->masterPort, 29500); // torchrun's default
    }

    void slurmVariables() {
        auto config = processGroupFromEnvironment(environment({{"SLURM_NTASKS", "8"},
                                                               {"SLURM_PROCID", "5"},
                                                               {"SLURM_LOCALID", "1"},
                                                               {"MASTER_ADDR", "n01"},
                                                               {"MASTER_PORT", "12345"}}));
        QVERIFY2(config.ok(), config.ok() ? "" : config.message().c_str());
        QCOMPARE((*config)->worldSize, 8);
        QCOMPARE((*config)->rank, 5);
        QCOMPARE((*config)->localRank, 1);
        QCOMPARE((*config)->masterPort, 12345);
    }

    void torchrunWinsOverSlurm() {
        // torchrun inside an sbatch allocation: its own variables describe this process.
        auto config = processGroupFromEnvironment(environment({{"SLURM_NTASKS", "1"},
                                                               {"SLURM_PROCID", "0"},
                                                               {"WORLD_SIZE", "2"},
                                                               {"RANK", "1"},
                                                               {"MASTER_ADDR", "127.0.0.1"}}));
        QVERIFY(config.ok());
        QCOMPARE((*config)->worldSize, 2);
        QCOMPARE((*config)->rank, 1);
    }

    void noRunOfSeveralProcesses() {
        auto none = processGroupFromEnvironment(environment({}));
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        auto single = processGroupFromEnvironment(
            environment({{"SLURM_NTASKS", "1"}, {"SLURM_PROCID", "0"}}));
        QVERIFY(single.ok());
        QVERIFY(!single->has_value());
    }

    void contradictionsAreExplained() {
        auto rankTooHigh = processGroupFromEnvironment(
            environment({{"WORLD_SIZE", "2"}, {"RANK", "2"}, {"MASTER_ADDR", "127.0.0.1"}}));
        QVERIFY(!rankTooHigh.ok());
        QVERIFY2(mentions(rankTooHigh.message(), "Rank 2 does not exist in a run of 2"),
                 rankTooHigh.message().c_str());
        auto noRank = processGroupFromEnvironment(
            environment({{"WORLD_SIZE", "2"}, {"MASTER_ADDR", "127.0.0.1"}}));
        QVERIFY(!noRank.ok());
        QVERIFY(mentions(noRank.message(), "RANK is not set"));
        auto noAddress =
            processGroupFromEnvironment(environment({{"WORLD_SIZE", "2"}, {"RANK", "0"}}));
        QVERIFY(!noAddress.ok());
        QVERIFY(mentions(noAddress.message(), "MASTER_ADDR is not set"));
        auto notANumber = processGroupFromEnvironment(
            environment({{"WORLD_SIZE", "two"}, {"RANK", "0"}, {"MASTER_ADDR", "127.0.0.1"}}));
        QVERIFY(!notANumber.ok());
        QVERIFY(mentions(notANumber.message(), "WORLD_SIZE is \"two\""));
        auto badPort = processGroupFromEnvironment(environment({{"WORLD_SIZE", "2"},
                                                                {"RANK", "0"},
                                                                {"MASTER_ADDR", "127.0.0.1"},
                                                                {"MASTER_PORT", "70000"}}));
        QVERIFY(!badPort.ok());
        QVERIFY(mentions(badPort.message(), "port"));
        ProcessGroupConfig local;
        local.worldSize = 4;
        local.rank = 1;
        local.localRank = 2;
        QVERIFY(!validate(local).ok());
        local.localRank = 1;
        QVERIFY(validate(local).ok());
    }

    void shardsAsDistributedSampler() {
        const std::vector<std::size_t> order{10, 11, 12, 13, 14};
        QCOMPARE(shardOf(order, 0, 2), (std::vector<std::size_t>{10, 12, 14}));
        QCOMPARE(shardOf(order, 1, 2), (std::vector<std::size_t>{11, 13, 10})); // padded
        QCOMPARE(shardOf(order, 2, 3), (std::vector<std::size_t>{12, 10}));
        QCOMPARE(shardOf({7}, 3, 4), (std::vector<std::size_t>{7}));
        QCOMPARE(shardOf(order, 0, 1), order);
        QVERIFY(shardOf({}, 0, 2).empty());
        QCOMPARE(strideOf(order, 1, 2), (std::vector<std::size_t>{11, 13}));
        QCOMPARE(strideOf(order, 0, 2), (std::vector<std::size_t>{10, 12, 14}));
    }

    void batchesOfTheRanksCoverOneProcessBatch() {
        // 2 ranks x batch B together see exactly the items of one process's batch of 2B.
        std::vector<std::size_t> order(24);
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = 100 + (i * 7) % 24;
        }
        const std::size_t batch = 4;
        const auto a = shardOf(order, 0, 2);
        const auto b = shardOf(order, 1, 2);
        for (std::size_t k = 0; k * 2 * batch < order.size(); ++k) {
            std::vector<std::size_t> together(a.begin() + k * batch, a.begin() + (k + 1) * batch);
            together.insert(together.end(), b.begin() + k * batch, b.begin() + (k + 1) * batch);
            std::vector<std::size_t> single(order.begin() + k * 2 * batch,
                                            order.begin() + (k + 1) * 2 * batch);
            std::sort(together.begin(), together.end());
            std::sort(single.begin(), single.end());
            QCOMPARE(together, single);
        }
    }
};

QTEST_GUILESS_MAIN(TestProcessGroup)
#include "tst_process_group.moc"
