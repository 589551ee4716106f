// A TransferNet written as a graph: the whole network (every pooling, hidden layers, the
// backbone's own head) and the frozen prefix the cache computes, frozen and optimized, equal the
// eager modules within 1e-4; a prefix short of the whole backbone stays eager.

#include <QTest>

#include "core/graph/fastest_forward.h"
#include "core/training/transfer_net_graph.h"

using namespace tstudio;
using namespace tstudio::training;

namespace {

TrainingConfig configOf(const std::string& arch, const std::string& head) {
    TrainingConfig c;
    c.arch = arch;
    c.fromScratch = true;
    c.inputSize = 64;
    c.head = *parseHeadSpec(head);
    return c;
}

/** Batch norms with statistics far from identity, so a folding mistake shows. */
void perturbStatistics(TransferNet& net) {
    torch::NoGradGuard noGrad;
    for (auto& buffer : net.backbone()->named_buffers()) {
        if (buffer.key().ends_with("running_var")) {
            buffer.value().uniform_(0.5, 2.0);
        } else if (buffer.key().ends_with("running_mean")) {
            buffer.value().uniform_(-0.5, 0.5);
        }
    }
}

double largestDifference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestTransferNetGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        torch::manual_seed(3);
        // Both ways are compared here, whatever this machine would choose.
        qputenv("TSTUDIO_FORWARD", "graph");
    }
    void cleanupTestCase() { qunsetenv("TSTUDIO_FORWARD"); }

    void theWholeNetworkAgrees_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("head");
        QTest::newRow("mobilenet_v2 neck") << "mobilenet_v2"
                                           << "neck";
        QTest::newRow("mobilenet_v2 avg") << "mobilenet_v2"
                                          << "avg";
        QTest::newRow("resnet18 max + hidden") << "resnet18"
                                               << "max,32:gelu:0.1";
        QTest::newRow("resnet18 flatten") << "resnet18"
                                          << "flatten";
        QTest::newRow("efficientnet_b0 avg + hidden") << "efficientnet_b0"
                                                      << "avg,16:silu";
        QTest::newRow("densenet121 neck") << "densenet121"
                                          << "neck";
    }
    void theWholeNetworkAgrees() {
        QFETCH(QString, arch);
        QFETCH(QString, head);
        auto net = TransferNet::create(configOf(arch.toStdString(), head.toStdString()), 3);
        QVERIFY2(net.ok(), net.ok() ? "" : net.message().c_str());
        perturbStatistics(*net);
        net->train(false);
        const torch::NoGradGuard noGrad;
        const torch::Tensor images = torch::randn({2, 3, 64, 64});
        const torch::Tensor expected = net->forward(images);

        graph::FastestForward forward = networkForward(*net);
        const torch::Tensor actual = forward(images);
        QVERIFY(forward.choice());
        QVERIFY2(forward.choice()->graph, forward.choice()->text().c_str());
        QCOMPARE(actual.sizes(), expected.sizes());
        QVERIFY(largestDifference(actual, expected) <= graph::allowedGraphDifference(expected));
    }

    void theFrozenPrefixAgrees_data() {
        QTest::addColumn<QString>("head");
        QTest::addColumn<bool>("throughPooling");
        QTest::newRow("neck, pooled") << "neck" << true;
        QTest::newRow("max, pooled") << "max" << true;
        QTest::newRow("avg, blocks only") << "avg" << false;
    }
    void theFrozenPrefixAgrees() {
        QFETCH(QString, head);
        QFETCH(bool, throughPooling);
        auto net = TransferNet::create(configOf("mobilenet_v2", head.toStdString()), 2);
        QVERIFY(net.ok());
        perturbStatistics(*net);
        net->train(false);
        const torch::NoGradGuard noGrad;
        const CutPoint cut{net->blockCount(), throughPooling};
        const torch::Tensor images = torch::randn({2, 3, 64, 64});
        const torch::Tensor expected = net->forwardPrefix(images, cut);

        graph::FastestForward forward = prefixForward(*net, cut);
        const torch::Tensor actual = forward(images);
        QVERIFY(forward.choice() && forward.choice()->graph);
        QCOMPARE(actual.sizes(), expected.sizes());
        QVERIFY(largestDifference(actual, expected) <= graph::allowedGraphDifference(expected));
    }

    void aPartialPrefixStaysEager() {
        auto net = TransferNet::create(configOf("mobilenet_v2", "avg"), 2);
        QVERIFY(net.ok());
        net->train(false);
        const torch::NoGradGuard noGrad;
        const CutPoint cut{5, false};
        const torch::Tensor images = torch::randn({1, 3, 64, 64});
        graph::FastestForward forward = prefixForward(*net, cut);
        QVERIFY(torch::equal(forward(images), net->forwardPrefix(images, cut)));
        QVERIFY(!forward.choice()); // no graph was on offer
    }
};

QTEST_GUILESS_MAIN(TestTransferNetGraph)
#include "tst_transfer_net_graph.moc"
