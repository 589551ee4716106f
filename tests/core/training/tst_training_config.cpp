// The training configuration's text and JSON forms: head and freeze specs, enums, round trips.

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/training/training_config.h"
#include "core/training/training_events.h"

using namespace tstudio;
using namespace tstudio::training;

class TestTrainingConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headSpecParses() {
        auto head = parseHeadSpec("avg,512:relu:0.2,256:gelu,dropout=0.3");
        QVERIFY2(head.ok(), head.ok() ? "" : head.message().c_str());
        QCOMPARE(head->pooling, Pooling::Average);
        QCOMPARE(head->hidden.size(), std::size_t{2});
        QCOMPARE(head->hidden[0].width, 512);
        QCOMPARE(head->hidden[0].activation, Activation::ReLU);
        QCOMPARE(head->hidden[0].dropout, 0.2f);
        QCOMPARE(head->hidden[1].activation, Activation::GELU);
        QCOMPARE(head->hidden[1].dropout, 0.0f);
        QCOMPARE(head->dropout, 0.3f);
        QCOMPARE(formatHeadSpec(*head), std::string("avg,512:relu:0.2,256:gelu,dropout=0.3"));
    }

    void headSpecRoundTrips_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("neck") << QStringLiteral("neck");
        QTest::newRow("max") << QStringLiteral("max,64:silu");
        QTest::newRow("flatten") << QStringLiteral("flatten,dropout=0.5");
    }
    void headSpecRoundTrips() {
        QFETCH(QString, text);
        auto head = parseHeadSpec(text.toStdString());
        QVERIFY(head.ok());
        QCOMPARE(QString::fromStdString(formatHeadSpec(*head)), text);
    }

    void badHeadSpecsFail_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("pooling") << QStringLiteral("mean");
        QTest::newRow("width") << QStringLiteral("avg,0:relu");
        QTest::newRow("activation") << QStringLiteral("avg,64:tanh");
        QTest::newRow("dropout") << QStringLiteral("avg,dropout=1.5");
        QTest::newRow("fields") << QStringLiteral("avg,64:relu:0.1:3");
    }
    void badHeadSpecsFail() {
        QFETCH(QString, text);
        auto head = parseHeadSpec(text.toStdString());
        QVERIFY(!head.ok());
        QVERIFY(head.message().find("Invalid head") != std::string::npos);
    }

    void freezeSpecParses() {
        auto freeze = parseFreezeSpec("last:2,-features.17,+features.3,train-bn");
        QVERIFY(freeze.ok());
        QCOMPARE(freeze->preset, FreezeSpec::Preset::LastBlocks);
        QCOMPARE(freeze->lastBlocks, 2);
        QCOMPARE(freeze->rules.size(), std::size_t{2});
        QCOMPARE(freeze->rules[0].path, std::string("features.17"));
        QVERIFY(freeze->rules[0].frozen);
        QVERIFY(!freeze->rules[1].frozen);
        QVERIFY(freeze->trainFrozenBatchNorm);
        QCOMPARE(formatFreezeSpec(*freeze),
                 std::string("last:2,-features.17,+features.3,train-bn"));
        QCOMPARE(parseFreezeSpec("head")->preset, FreezeSpec::Preset::HeadOnly);
        QCOMPARE(parseFreezeSpec("all,+layer4")->preset, FreezeSpec::Preset::All);
        QVERIFY(!parseFreezeSpec("some").ok());
        QVERIFY(!parseFreezeSpec("head,layer4").ok());
        QVERIFY(!parseFreezeSpec("last:x").ok());
    }

    void enumsRoundTrip() {
        for (auto k : {OptimizerKind::SGD, OptimizerKind::Adam, OptimizerKind::AdamW,
                       OptimizerKind::RMSprop}) {
            QCOMPARE(optimizerFromString(toString(k)), std::optional(k));
        }
        for (auto k : {ScheduleKind::Constant, ScheduleKind::Step, ScheduleKind::Cosine,
                       ScheduleKind::OneCycle, ScheduleKind::Plateau}) {
            QCOMPARE(scheduleFromString(toString(k)), std::optional(k));
        }
        for (auto m : {TrainMode::Feature, TrainMode::FineTune, TrainMode::TwoStage}) {
            QCOMPARE(trainModeFromString(toString(m)), std::optional(m));
        }
        QVERIFY(!optimizerFromString("lbfgs"));
    }

    void configJsonRoundTrips() {
        TrainingConfig c;
        c.arch = "resnet18";
        c.weights = "/tmp/w.pth";
        c.inputSize = 64;
        c.head = *parseHeadSpec("avg,32:gelu:0.1");
        c.mode = TrainMode::TwoStage;
        c.freeze = *parseFreezeSpec("last:2");
        c.lrMultipliers = {{"layer4", 0.1}, {"head", 2.0}};
        c.optimizer.kind = OptimizerKind::SGD;
        c.optimizer.lr = 0.05;
        c.optimizer.nesterov = true;
        c.schedule.kind = ScheduleKind::OneCycle;
        c.schedule.warmupEpochs = 2;
        c.epochs = 7;
        c.batchSize = 8;
        c.labelSmoothing = 0.1;
        c.gradClipNorm = 1.5;
        c.twoStage.headEpochs = 2;
        c.twoStage.stage2Freeze = *parseFreezeSpec("head,+layer4");
        c.twoStage.stage2Lr = 3e-4;
        c.augment = false;
        c.augmentation.colorJitter.probability = 0.25f;
        c.earlyStopping.patience = 3;
        c.earlyStopping.metric = EarlyStopping::Metric::ValAccuracy;
        c.seed = 0xfedcba9876543210ull;
        c.device = "cuda:1";
        c.split.test = 0.1;
        c.split.train = 0.7;
        c.outDir = "/tmp/run";
        const QJsonObject json = toJson(c);
        // Through text, as the bundle stores it.
        const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        auto back = trainingConfigFromJson(reread);
        QVERIFY2(back.ok(), back.ok() ? "" : back.message().c_str());
        QCOMPARE(toJson(*back), json);
        QCOMPARE(back->seed, c.seed);
        QCOMPARE(back->twoStage.stage2Freeze.rules.size(), std::size_t{1});
        QCOMPARE(back->augmentation.colorJitter.probability, 0.25f);
    }

    void recommendedConfigs() {
        const TrainingConfig feature = recommendedConfig(TrainMode::Feature);
        QVERIFY(!feature.augment); // so the frozen-prefix cache applies
        QCOMPARE(feature.mode, TrainMode::Feature);
        const TrainingConfig fine = recommendedConfig(TrainMode::FineTune);
        QVERIFY(fine.augment);
        QCOMPARE(fine.optimizer.kind, OptimizerKind::AdamW);
        QVERIFY(fine.labelSmoothing > 0.0);
        QCOMPARE(fine.lrMultipliers.size(), std::size_t{2});
        QCOMPARE(fine.lrMultipliers.back().path, std::string("head"));
        QVERIFY(fine.lrMultipliers.front().factor < 1.0);
        QCOMPARE(recommendedConfig(TrainMode::TwoStage).twoStage.headEpochs, 2);
    }

    void lrMultipliersParseAndFormat() {
        const auto parsed = parseLrMultipliers(" all=0.1, head=1 ,features.17=0.5");
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.message().c_str());
        QCOMPARE(parsed->size(), std::size_t{3});
        QCOMPARE((*parsed)[0].path, std::string());
        QCOMPARE((*parsed)[0].factor, 0.1);
        QCOMPARE((*parsed)[2].path, std::string("features.17"));
        QCOMPARE((*parsed)[2].factor, 0.5);
        QCOMPARE(formatLrMultipliers(*parsed), std::string("all=0.1,head=1,features.17=0.5"));
        QVERIFY(parseLrMultipliers("none")->empty());
        QCOMPARE(formatLrMultipliers({}), std::string("none"));
        // The recipe's own multipliers read as the CLI takes them.
        QCOMPARE(formatLrMultipliers(recommendedConfig(TrainMode::FineTune).lrMultipliers),
                 std::string("all=0.1,head=1"));
        for (const char* bad : {"head", "=0.5", "head=fast", "head=-1", "head=101", "a=1,,b=2"}) {
            const auto result = parseLrMultipliers(bad);
            QVERIFY2(!result.ok(), bad);
            QVERIFY(!result.message().empty());
        }
    }

    void recommendedRecipeKeepsThePersonsChoices() {
        TrainingConfig mine = recommendedConfig(TrainMode::Feature);
        mine.arch = "resnet18";
        mine.weights = "/tmp/my.pth";
        mine.inputSize = 160;
        mine.head = *parseHeadSpec("avg,256:relu:0.2");
        mine.freeze = *parseFreezeSpec("head,+layer4");
        mine.device = "cuda:1";
        mine.seed = 7;
        mine.augmentation.horizontalFlip = 0.25f;
        mine.optimizer.lr = 0.5;
        const TrainingConfig fine = withRecommendedRecipe(mine, TrainMode::FineTune);
        QCOMPARE(fine.mode, TrainMode::FineTune);
        const TrainingConfig recipe = recommendedConfig(TrainMode::FineTune);
        QCOMPARE(fine.optimizer.lr, recipe.optimizer.lr);
        QCOMPARE(fine.labelSmoothing, recipe.labelSmoothing);
        QCOMPARE(fine.lrMultipliers.size(), recipe.lrMultipliers.size());
        QCOMPARE(fine.augment, true);
        QCOMPARE(fine.batchSize, recipe.batchSize);
        QCOMPARE(fine.arch, std::string("resnet18"));
        QCOMPARE(fine.weights, std::filesystem::path("/tmp/my.pth"));
        QCOMPARE(fine.inputSize, 160);
        QCOMPARE(formatHeadSpec(fine.head), formatHeadSpec(mine.head));
        QCOMPARE(formatFreezeSpec(fine.freeze), std::string("head,+layer4"));
        QCOMPARE(fine.device, std::string("cuda:1"));
        QCOMPARE(fine.seed, std::uint64_t{7});
        QCOMPARE(fine.augmentation.horizontalFlip, 0.25f);
        // And back: feature mode's recipe turns augmentation off again (the frozen-prefix cache).
        QCOMPARE(withRecommendedRecipe(fine, TrainMode::Feature).augment, false);
    }

    void badConfigJsonFails() {
        QJsonObject json = toJson(TrainingConfig{});
        json.insert(QStringLiteral("mode"), QStringLiteral("sideways"));
        QVERIFY(!trainingConfigFromJson(json).ok());
        // Missing keys keep their defaults.
        auto empty = trainingConfigFromJson(QJsonObject{});
        QVERIFY(empty.ok());
        QCOMPARE(empty->arch, TrainingConfig{}.arch);
    }

    void eventsToJson() {
        EpochMetrics m;
        m.valLoss = std::nan("");
        m.valTop5 = 0.9;
        const QJsonObject json = toJson(m);
        QVERIFY(json.value(QStringLiteral("valLoss")).isNull());
        QCOMPARE(json.value(QStringLiteral("valTop5")).toDouble(), 0.9);
        EvaluationResult r;
        r.perClass = {{0.5, 1.0, 2.0 / 3.0, 2}, {1.0, 0.5, 2.0 / 3.0, 2}};
        r.confusion = {{2, 0}, {1, 1}};
        const QJsonObject e = toJson(r, {"a", "b"});
        QCOMPARE(e.value(QStringLiteral("perClass"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("class")),
                 QJsonValue(QStringLiteral("b")));
        QCOMPARE(e.value(QStringLiteral("confusion")).toArray().at(1).toArray().at(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTrainingConfig)
#include "tst_training_config.moc"
