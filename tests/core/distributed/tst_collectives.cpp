// The collectives between two ranks in two threads on 127.0.0.1: sums in several buckets of
// mixed types and memory formats, gradient averaging, rank 0's broadcast, the gather, and a rank
// that never arrives.

#include <QTest>

#include <chrono>
#include <functional>
#include <mutex>
#include <thread>

#include <torch/torch.h>

#include "core/distributed/collectives.h"
#include "core/distributed/free_port.h"
#include "core/distributed/process_group.h"

using namespace tstudio;
using namespace tstudio::distributed;

namespace {

ProcessGroupConfig loopback(int rank, int world, int port) {
    ProcessGroupConfig config;
    config.rank = rank;
    config.localRank = rank;
    config.worldSize = world;
    config.masterAddr = "127.0.0.1";
    config.masterPort = port;
    config.timeout = std::chrono::seconds(20);
    return config;
}

/** body on every rank of a loopback group, each in its own thread; the failures, "" if none. */
std::string onRanks(int world, const std::function<void(ProcessGroup&)>& body) {
    const auto port = freeLocalPort();
    if (!port) {
        return port.message();
    }
    std::mutex mutex;
    std::string failures;
    std::vector<std::thread> threads;
    for (int rank = 0; rank < world; ++rank) {
        threads.emplace_back([&, rank] {
            std::string failure;
            try {
                auto group = ProcessGroup::join(loopback(rank, world, *port));
                if (!group) {
                    failure = group.message();
                } else {
                    body(**group);
                }
            } catch (const std::exception& e) {
                failure = e.what();
            }
            if (!failure.empty()) {
                std::lock_guard lock(mutex);
                failures += "rank " + std::to_string(rank) + ": " + failure + "\n";
            }
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    return failures;
}

/** Deterministic values that differ per rank. */
torch::Tensor values(std::vector<std::int64_t> shape, int rank, torch::Dtype dtype) {
    const std::int64_t n = c10::multiply_integers(shape);
    return (torch::arange(n, torch::kFloat64) * (rank + 1) + rank).to(dtype).reshape(shape);
}

} // namespace

class TestCollectives : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sumsInBucketsOfMixedTypes() {
        std::mutex mutex;
        std::vector<std::vector<torch::Tensor>> results(2);
        const auto failures = onRanks(2, [&](ProcessGroup& group) {
            const int r = group.rank();
            std::vector<torch::Tensor> tensors{
                values({2, 3, 4, 5}, r, torch::kFloat32)
                    .contiguous(torch::MemoryFormat::ChannelsLast),
                values({7}, r, torch::kFloat32), values({3}, r, torch::kFloat64),
                values({4}, r, torch::kInt64), values({5}, r, torch::kFloat32)};
            // 64 bytes: most tensors get a bucket of their own, two small ones share one.
            allreduceSum(group, tensors, /*bucketBytes=*/64);
            std::lock_guard lock(mutex);
            results[static_cast<std::size_t>(r)] = tensors;
        });
        QVERIFY2(failures.empty(), failures.c_str());
        for (const auto& rankResults : results) {
            QCOMPARE(rankResults.size(), std::size_t{5});
            QVERIFY(rankResults[0].is_contiguous(torch::MemoryFormat::ChannelsLast));
            for (const torch::Tensor& t : rankResults) {
                const auto shape = t.sizes().vec();
                const torch::Tensor expected =
                    values(shape, 0, torch::kFloat64) + values(shape, 1, torch::kFloat64);
                QVERIFY2(torch::equal(t.to(torch::kFloat64), expected),
                         std::to_string(t.numel()).c_str());
            }
        }
    }

    void averagesGradientsAndBroadcastsFromRankZero() {
        std::mutex mutex;
        std::vector<torch::Tensor> grads(2), weights(2), gathered(2);
        const auto failures = onRanks(2, [&](ProcessGroup& group) {
            const int r = group.rank();
            torch::Tensor w = values({6}, r, torch::kFloat32).requires_grad_();
            torch::Tensor unused = torch::zeros({3}).requires_grad_(); // no gradient: skipped
            (w * w).sum().backward();                                  // grad = 2w
            averageGradients(group, {w, unused});
            broadcastFromMain(group, {w});
            const torch::Tensor rows = allgatherRows(group, torch::full({2}, double(r * 10)));
            std::lock_guard lock(mutex);
            grads[static_cast<std::size_t>(r)] = w.grad().clone();
            weights[static_cast<std::size_t>(r)] = w.detach().clone();
            gathered[static_cast<std::size_t>(r)] = rows;
            QVERIFY(!unused.grad().defined());
        });
        QVERIFY2(failures.empty(), failures.c_str());
        const torch::Tensor meanGrad =
            (2 * values({6}, 0, torch::kFloat32) + 2 * values({6}, 1, torch::kFloat32)) / 2;
        for (int r = 0; r < 2; ++r) {
            QVERIFY(torch::allclose(grads[r], meanGrad));
            QVERIFY(torch::equal(weights[r], values({6}, 0, torch::kFloat32)));
            QVERIFY(torch::equal(gathered[r], torch::tensor({0.0, 0.0, 10.0, 10.0}).view({2, 2})));
        }
    }

    void averagingOverlappedWithBackwardEqualsAveragingAfterIt() {
        // A small network in small buckets: the later layers' buckets start while backward still
        // computes the earlier ones, and the result is bit for bit what averaging after
        // backward gives. An unused parameter keeps no gradient.
        std::mutex mutex;
        std::vector<std::vector<torch::Tensor>> overlapped(2), after(2);
        std::vector<int> startedEarly(2);
        const auto failures = onRanks(2, [&](ProcessGroup& group) {
            const int r = group.rank();
            torch::manual_seed(1);
            torch::nn::Sequential net(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 8, 3)),
                                      torch::nn::ReLU(),
                                      torch::nn::Conv2d(torch::nn::Conv2dOptions(8, 8, 3)),
                                      torch::nn::Flatten(), torch::nn::Linear(8 * 4 * 4, 5));
            // Unused first: its bucket comes last (one that never fills holds back those after
            // it until finish(), which is still right, only later).
            torch::Tensor unused = torch::zeros({4}).requires_grad_();
            std::vector<torch::Tensor> parameters{unused};
            for (const torch::Tensor& p : net->parameters()) {
                parameters.push_back(p);
            }
            const torch::Tensor input = values({2, 3, 8, 8}, r, torch::kFloat32) / 100.0;
            auto gradients = [&] {
                std::vector<torch::Tensor> out;
                for (const torch::Tensor& p : net->parameters()) {
                    out.push_back(p.grad().clone());
                    p.mutable_grad().zero_();
                }
                return out;
            };
            int early = 0;
            {
                OverlappedGradientAverager averager(group, parameters, /*bucketBytes=*/600);
                net->forward(input).pow(2).sum().backward();
                early = averager.bucketsStartedDuringBackward();
                averager.finish();
            }
            std::vector<torch::Tensor> first = gradients();
            net->forward(input).pow(2).sum().backward();
            averageGradients(group, parameters, 600);
            std::vector<torch::Tensor> second = gradients();
            std::lock_guard lock(mutex);
            overlapped[static_cast<std::size_t>(r)] = first;
            after[static_cast<std::size_t>(r)] = second;
            startedEarly[static_cast<std::size_t>(r)] = early;
            QVERIFY(!unused.grad().defined());
        });
        QVERIFY2(failures.empty(), failures.c_str());
        for (int r = 0; r < 2; ++r) {
            QVERIFY2(startedEarly[r] >= 2, std::to_string(startedEarly[r]).c_str());
            QCOMPARE(overlapped[r].size(), after[r].size());
            for (std::size_t i = 0; i < after[r].size(); ++i) {
                QVERIFY(torch::equal(overlapped[r][i], after[r][i]));
                QVERIFY(torch::equal(overlapped[r][i], overlapped[0][i])); // every rank alike
            }
        }
        // And it is an average: rank 0's own gradient differs from it.
        QVERIFY(!torch::equal(overlapped[0][0], torch::zeros_like(overlapped[0][0])));
    }

    void aRankThatNeverArrivesEndsTheOtherWithAMessage() {
        const auto port = freeLocalPort();
        QVERIFY(port.ok());
        ProcessGroupConfig config = loopback(0, 2, *port);
        config.timeout = std::chrono::seconds(2);
        const auto start = std::chrono::steady_clock::now();
        auto group = ProcessGroup::join(config);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY(!group.ok());
        QVERIFY2(group.message().find("not all 2 processes arrived within 2 s") !=
                     std::string::npos,
                 group.message().c_str());
        // The rendezvous and Gloo's connection each wait at most the timeout.
        QVERIFY2(seconds < 12.0, std::to_string(seconds).c_str());
    }

    void rankZeroThatNeverArrivesEndsAWorker() {
        const auto port = freeLocalPort();
        QVERIFY(port.ok());
        ProcessGroupConfig config = loopback(1, 2, *port);
        config.timeout = std::chrono::seconds(2);
        auto group = ProcessGroup::join(config);
        QVERIFY(!group.ok());
        QVERIFY2(group.message().find("Is rank 0 running and reachable at 127.0.0.1:") !=
                     std::string::npos,
                 group.message().c_str());
    }
};

QTEST_GUILESS_MAIN(TestCollectives)
#include "tst_collectives.moc"
