// Learning-rate schedules (each curve) and parameter groups with LR multipliers.

#include <QTest>

#include <cmath>

#include <torch/torch.h>

#include "core/training/freezing.h"
#include "core/training/lr_schedule.h"
#include "core/training/optimizer_factory.h"
#include "core/training/transfer_net.h"

using namespace tstudio;
using namespace tstudio::training;

namespace {

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-9 + 1e-6 * std::abs(b);
}

ScheduleConfig schedule(ScheduleKind kind) {
    ScheduleConfig s;
    s.kind = kind;
    return s;
}

} // namespace

class TestOptimization : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void constant() {
        LrSchedule s(schedule(ScheduleKind::Constant), 0.1, 5, 10);
        QVERIFY(near(s.lrAt(0, 0), 0.1));
        QVERIFY(near(s.lrAt(4, 9), 0.1));
    }

    void step() {
        ScheduleConfig c = schedule(ScheduleKind::Step);
        c.stepEpochs = 2;
        c.gamma = 0.5;
        LrSchedule s(c, 0.1, 6, 10);
        QVERIFY(near(s.lrAt(0, 5), 0.1));
        QVERIFY(near(s.lrAt(1, 9), 0.1));
        QVERIFY(near(s.lrAt(2, 0), 0.05));
        QVERIFY(near(s.lrAt(5, 3), 0.025));
    }

    void cosineWithWarmup() {
        ScheduleConfig c = schedule(ScheduleKind::Cosine);
        c.warmupEpochs = 1;
        c.minLrFactor = 0.1;
        LrSchedule s(c, 1.0, 3, 10);
        QVERIFY(near(s.lrAt(0, 0), 0.01));              // warm-up starts at lr/100
        QVERIFY(near(s.lrAt(0, 5), 0.01 + 0.99 * 0.5)); // linear
        QVERIFY(near(s.lrAt(1, 0), 1.0));               // peak after warm-up
        QVERIFY(near(s.lrAt(2, 9), 0.1));               // floor at the last batch
        double previous = 2.0;
        for (int e = 1; e < 3; ++e) {
            for (int b = 0; b < 10; ++b) {
                const double lr = s.lrAt(e, b);
                QVERIFY(lr <= previous + 1e-12); // monotone decay
                previous = lr;
            }
        }
        // Midpoint of the decay: halfway between peak and floor.
        QVERIFY(std::abs(s.lrAt(1, 0) + s.lrAt(2, 9) - 2 * s.lrAt(2, 0)) < 0.1);
    }

    void oneCycle() {
        ScheduleConfig c = schedule(ScheduleKind::OneCycle);
        c.oneCyclePctStart = 0.3;
        c.oneCycleDivFactor = 25;
        c.oneCycleFinalDivFactor = 1e4;
        LrSchedule s(c, 1.0, 10, 10); // 100 steps; peak at step 29 as torch's OneCycleLR
        QVERIFY(near(s.lrAt(0, 0), 1.0 / 25));
        QVERIFY(near(s.lrAt(2, 9), 1.0));
        QVERIFY(near(s.lrAt(9, 9), 1.0 / 25 / 1e4));
        QVERIFY(s.lrAt(1, 0) > s.lrAt(0, 5));
        QVERIFY(s.lrAt(6, 0) < s.lrAt(4, 0));
    }

    void plateau() {
        ScheduleConfig c = schedule(ScheduleKind::Plateau);
        c.plateauPatience = 1;
        c.gamma = 0.1;
        LrSchedule s(c, 1.0, 10, 10);
        s.endEpoch(1.0);
        s.endEpoch(0.5); // better
        QVERIFY(near(s.lrAt(2, 0), 1.0));
        s.endEpoch(0.6); // 1 bad epoch: within patience
        QVERIFY(near(s.lrAt(3, 0), 1.0));
        s.endEpoch(0.55); // 2 bad epochs > patience: reduce
        QVERIFY(near(s.lrAt(4, 0), 0.1));
        const auto state = s.plateau();
        LrSchedule restored(c, 1.0, 10, 10);
        restored.setPlateau(state);
        QVERIFY(near(restored.lrAt(5, 0), 0.1));
    }

    void parameterGroupsFollowMultipliers() {
        TrainingConfig config;
        config.arch = "resnet18";
        config.fromScratch = true;
        config.inputSize = 32;
        auto net = TransferNet::create(config, 3);
        QVERIFY(net.ok());
        const auto trainable = *resolveTrainable(*net, *parseFreezeSpec("last:1"));
        applyTrainable(*net, trainable);
        for (OptimizerKind kind : {OptimizerKind::SGD, OptimizerKind::Adam, OptimizerKind::AdamW,
                                   OptimizerKind::RMSprop}) {
            OptimizerConfig oc;
            oc.kind = kind;
            oc.weightDecay = 0.01;
            auto optimizer = makeOptimizer(oc, net->namedParameters(),
                                           {{"", 0.5}, {"layer4", 0.1}, {"fc", 1.0}}, 0.2);
            // layer4 at 0.1 and fc at 1.0, each with and without weight decay.
            QCOMPARE(optimizer.groupMultipliers.size(), std::size_t{4});
            std::size_t count = 0;
            for (const auto& group : optimizer.optimizer->param_groups()) {
                count += group.params().size();
            }
            QCOMPARE(count, trainable.size());
            setLearningRate(optimizer, 0.2);
            QCOMPARE(optimizer.parameters.size(), trainable.size());
            // A step moves only the trainable parameters, at their group's rate.
            const auto before = net->namedParameters()[0].second.clone(); // conv1: frozen
            const auto logits = net->forward(torch::randn({2, 3, 32, 32}));
            torch::cross_entropy_loss(logits, torch::tensor({0, 2})).backward();
            optimizer.optimizer->step();
            optimizer.optimizer->zero_grad();
            QVERIFY(torch::equal(before, net->namedParameters()[0].second));
        }
        QCOMPARE(lrMultiplierOf("layer4.0.conv1.weight", {{"", 0.5}, {"layer4", 0.1}}), 0.1);
        QCOMPARE(lrMultiplierOf("layer3.0.conv1.weight", {{"", 0.5}, {"layer4", 0.1}}), 0.5);
        QCOMPARE(lrMultiplierOf("layer40.weight", {{"layer4", 0.1}}), 1.0);
    }

    void optimizerLrIsSetPerGroup() {
        auto a = torch::zeros({2, 2}, torch::requires_grad());
        auto b = torch::zeros({2}, torch::requires_grad());
        OptimizerConfig oc;
        oc.kind = OptimizerKind::SGD;
        auto optimizer = makeOptimizer(oc, {{"x.weight", a}, {"y.bias", b}}, {{"y", 3.0}}, 1.0);
        setLearningRate(optimizer, 0.5);
        const auto& groups = optimizer.optimizer->param_groups();
        QCOMPARE(groups.size(), std::size_t{2});
        QCOMPARE(static_cast<const torch::optim::SGDOptions&>(groups[0].options()).lr(), 0.5);
        QCOMPARE(static_cast<const torch::optim::SGDOptions&>(groups[1].options()).lr(), 1.5);
    }
};

QTEST_GUILESS_MAIN(TestOptimization)
#include "tst_optimization.moc"
