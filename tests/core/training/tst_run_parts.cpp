// The training run's small pure parts: which epoch is kept, early stopping, the LR finder's
// suggestion, the seeded epoch order, the run state's JSON, the frozen-prefix cache decision.

#include <QTest>

#include <cmath>

#include "core/training/best_epoch.h"
#include "core/training/early_stopping.h"
#include "core/training/epoch_order.h"
#include "core/training/lr_finder.h"
#include "core/training/prefix_cache.h"
#include "core/training/run_state.h"

using namespace tstudio::training;

namespace {

EpochMetrics epoch(int number, double valAccuracy, double valLoss, double trainLoss = 1.0) {
    EpochMetrics m;
    m.epoch = number;
    m.valAccuracy = valAccuracy;
    m.valLoss = valLoss;
    m.trainLoss = trainLoss;
    return m;
}

} // namespace

class TestRunParts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bestEpochBreaksAccuracyTiesByLoss() {
        // A small validation set: epochs 3 to 6 have the same accuracy, the loss keeps falling.
        BestEpoch best;
        QVERIFY(best.offer(epoch(1, 0.80, 0.90), true));
        QVERIFY(best.offer(epoch(2, 0.90, 0.70), true));
        QVERIFY(best.offer(epoch(3, 0.95, 0.50), true));
        QVERIFY(best.offer(epoch(4, 0.95, 0.40), true));
        QVERIFY(!best.offer(epoch(5, 0.95, 0.45), true));
        QVERIFY(best.offer(epoch(6, 0.95, 0.30), true));
        QVERIFY(!best.offer(epoch(7, 0.90, 0.10), true)); // accuracy first
        QCOMPARE(best.epoch(), 6);
        QCOMPARE(BestEpoch::fromJson(best.toJson()).epoch(), 6);
    }

    void bestEpochWithoutValidationTakesTheLowestTrainingLoss() {
        BestEpoch best;
        const double nan = std::nan("");
        QVERIFY(best.offer(epoch(1, nan, nan, 0.9), false));
        QVERIFY(best.offer(epoch(2, nan, nan, 0.5), false));
        QVERIFY(!best.offer(epoch(3, nan, nan, 0.6), false));
        QCOMPARE(best.epoch(), 2);
    }

    void earlyStoppingCountsEpochsWithoutImprovement() {
        EarlyStopper stopper(EarlyStopping{2, EarlyStopping::Metric::ValLoss});
        QVERIFY(!stopper.update(epoch(1, 0.5, 1.0)));
        QVERIFY(!stopper.update(epoch(2, 0.5, 1.1)));
        QVERIFY(!stopper.update(epoch(3, 0.5, 0.9))); // improved: counting starts again
        QVERIFY(!stopper.update(epoch(4, 0.5, 0.95)));
        QVERIFY(stopper.update(epoch(5, 0.5, 0.92)));
        QVERIFY(stopper.reason().find("val_loss for 2 epochs") != std::string::npos);

        EarlyStopper restored(EarlyStopping{2, EarlyStopping::Metric::ValLoss});
        stopper.reset();
        QVERIFY(!stopper.update(epoch(6, 0.5, 5.0))); // a new stage is not compared to the old
        restored.restore(stopper.toJson());
        QVERIFY(!restored.update(epoch(7, 0.5, 6.0)));
        QVERIFY(restored.update(epoch(8, 0.5, 6.0)));

        EarlyStopper off(EarlyStopping{0, EarlyStopping::Metric::ValAccuracy});
        for (int i = 1; i < 10; ++i) {
            QVERIFY(!off.update(epoch(i, 0.1, 1.0)));
        }
    }

    void lrSuggestionIsTheSteepestDescent() {
        std::vector<double> rates, losses;
        for (int i = 0; i < 40; ++i) {
            rates.push_back(1e-6 * std::pow(10.0, i / 5.0));
            // Flat, then falling fastest around 1e-3 (i = 15), then rising.
            const double x = (i - 15) / 3.0;
            losses.push_back(2.0 - std::tanh(x) + (i > 30 ? (i - 30) * 0.5 : 0.0));
        }
        const double suggested = suggestLearningRate(rates, losses);
        QVERIFY2(suggested > 3e-4 && suggested < 3e-3, std::to_string(suggested).c_str());
        QCOMPARE(suggestLearningRate({1e-3, 1e-2}, {1.0, 0.5}), 1e-3); // too few to judge
    }

    void epochOrderIsAPermutationFixedBySeedAndEpoch() {
        std::vector<std::size_t> indices(50);
        for (std::size_t i = 0; i < indices.size(); ++i) {
            indices[i] = i * 3;
        }
        const auto a = epochOrder(indices, 7, 1);
        QCOMPARE(a, epochOrder(indices, 7, 1));
        QVERIFY(a != epochOrder(indices, 7, 2));
        QVERIFY(a != epochOrder(indices, 8, 1));
        auto sorted = a;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, indices);
        QVERIFY(stepSeed(7, 1, 0) != stepSeed(7, 1, 1));
        QVERIFY(stepSeed(7, 1, 0) != stepSeed(7, 2, 0));
    }

    void runStateRoundTripsAndRejectsDamage() {
        RunState state(EarlyStopping{3, EarlyStopping::Metric::ValAccuracy});
        state.stageIndex = 1;
        state.stageEpochsDone = 2;
        state.stageEnded = true;
        state.history = {epoch(1, 0.5, 1.0), epoch(2, 0.7, 0.8)};
        state.best.offer(state.history[0], true);
        state.best.offer(state.history[1], true);
        state.plateau.factor = 0.25;
        EvaluationResult validation;
        validation.count = 4;
        validation.confusion = {{1, 1}, {0, 2}};
        state.bestValidation = validation;
        const QJsonObject json = toJson(state);
        RunState back(EarlyStopping{3, EarlyStopping::Metric::ValAccuracy});
        QVERIFY(restoreRunState(back, json).ok());
        QCOMPARE(back.stageIndex, std::size_t{1});
        QCOMPARE(back.stageEpochsDone, 2);
        QVERIFY(back.stageEnded);
        QCOMPARE(back.history.size(), std::size_t{2});
        QCOMPARE(back.best.epoch(), 2);
        QCOMPARE(back.plateau.factor, 0.25);
        QVERIFY(back.bestValidation.has_value());
        QCOMPARE(back.bestValidation->confusion, validation.confusion);
        QCOMPARE(back.bestValidation->count, std::int64_t{4});
        QVERIFY(!back.lastValidation.has_value());
        // A checkpoint written before runs kept the validation results: none, not a failure.
        QJsonObject older = json;
        older.remove(QStringLiteral("bestValidation"));
        QVERIFY(restoreRunState(back, older).ok());
        QVERIFY(!back.bestValidation.has_value());

        QJsonObject damaged = json;
        damaged.insert(QStringLiteral("stageIndex"), 7);
        QVERIFY(!restoreRunState(back, damaged).ok());
        damaged = json;
        damaged.insert(QStringLiteral("best"), QJsonObject{{QStringLiteral("epoch"), 9}});
        QVERIFY(!restoreRunState(back, damaged).ok());
        QVERIFY(!restoreRunState(back, QJsonObject{}).ok());
    }

    void prefixCacheDecisionSaysWhy() {
        PrefixCacheFacts facts;
        QVERIFY(!decidePrefixCache(facts).use);
        QVERIFY(decidePrefixCache(facts).reason.empty()); // nothing frozen, nothing to say
        facts.prefixFrozen = true;
        facts.prefixName = "the first 3 blocks";
        facts.budgetBytes = 1000;
        facts.estimatedBytes = 10;
        QVERIFY(decidePrefixCache(facts).use);
        facts.augment = true;
        QVERIFY(!decidePrefixCache(facts).use);
        QVERIFY(decidePrefixCache(facts).reason.find("augmentation is on") != std::string::npos);
        facts.augment = false;
        facts.estimatedBytes = 5000;
        QVERIFY(decidePrefixCache(facts).reason.find("would need") != std::string::npos);
        facts.enabled = false;
        QVERIFY(decidePrefixCache(facts).reason.find("turned off") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestRunParts)
#include "tst_run_parts.moc"
